"use client";

import { Check } from "lucide-react";

import type { ActionState } from "@/lib/action-state";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { useActionRunner } from "../ui/use-action-runner";

export type MarkStepDone = (command: {
  releaseId: string;
  position: number;
}) => Promise<ActionState>;

/** Marks the next rollout step done (a release manager, once the release is live). */
export function MarkStepDoneButton({
  releaseId,
  position,
  markDone,
}: {
  releaseId: string;
  position: number;
  markDone: MarkStepDone;
}) {
  const { run, isPending, problem } = useActionRunner();
  return (
    <>
      <Button
        size="sm"
        className="mt-2"
        disabled={isPending}
        onClick={() => run(() => markDone({ releaseId, position }))}
      >
        <Check aria-hidden />
        Mark done
      </Button>
      {problem && (
        <div className="mt-2">
          <FormStatus state={problem} />
        </div>
      )}
    </>
  );
}

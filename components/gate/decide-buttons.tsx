"use client";

import type { ActionState } from "@/lib/action-state";
import type { ExceptionDto } from "@/lib/types/windows";

import { ActionGroup } from "../ui/action-group";
import { Button } from "../ui/button";
import { useActionRunner } from "../ui/use-action-runner";

export type Decide = (raw: {
  exceptionId: string;
  releaseId: string;
  decision: "APPROVED" | "REFUSED";
}) => Promise<ActionState>;

export function DecideButtons({
  exception,
  releaseId,
  decide,
}: {
  exception: ExceptionDto;
  releaseId: string;
  decide: Decide;
}) {
  const { run, isPending, problem } = useActionRunner();
  const send = (decision: "APPROVED" | "REFUSED") =>
    run(() => decide({ exceptionId: exception.id, releaseId, decision }));
  return (
    <ActionGroup problem={problem}>
      <Button size="sm" disabled={isPending} onClick={() => send("APPROVED")}>
        Approve
      </Button>
      <Button size="sm" variant="secondary" disabled={isPending} onClick={() => send("REFUSED")}>
        Refuse
      </Button>
    </ActionGroup>
  );
}

"use client";

import { Trash2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";

import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormStatus } from "../ui/form-status";
import { useActionRunner } from "../ui/use-action-runner";

/** Removes a product's train (its releases stay). */
export function TrainRemoveButton({
  productKey,
  remove,
}: {
  productKey: string;
  remove: (command: { key: string }) => Promise<ActionState>;
}) {
  const { run, isPending, problem } = useActionRunner();
  return (
    <>
      <ConfirmDialog
        title="Remove the release train?"
        description="No more releases are planned from it. The releases it planned stay as they are."
        confirmLabel="Remove train"
        tone="danger"
        onConfirm={() => run(() => remove({ key: productKey }))}
        trigger={
          <Button variant="secondary" size="sm" disabled={isPending} className="text-danger">
            <Trash2 aria-hidden />
            Remove
          </Button>
        }
      />
      {problem && <FormStatus state={problem} />}
    </>
  );
}

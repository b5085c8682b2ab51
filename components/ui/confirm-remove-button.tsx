"use client";

import { Trash2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";

import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import { FormStatus } from "./form-status";
import { useActionRunner } from "./use-action-runner";

/** "Remove", asked first, then the server action; what went wrong shows beside it. */
export function ConfirmRemoveButton({
  title,
  description,
  confirmLabel,
  remove,
}: {
  title: string;
  description: string;
  confirmLabel: string;
  remove: () => Promise<ActionState>;
}) {
  const { run, isPending, problem } = useActionRunner();
  return (
    <>
      <ConfirmDialog
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        tone="danger"
        onConfirm={() => run(remove)}
        trigger={
          <Button variant="secondary-danger" size="sm" disabled={isPending}>
            <Trash2 aria-hidden />
            Remove
          </Button>
        }
      />
      {problem && <FormStatus state={problem} />}
    </>
  );
}

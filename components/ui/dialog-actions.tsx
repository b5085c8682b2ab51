import { Loader2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";

import { Button } from "./button";
import { FormStatus } from "./form-status";

/** The foot of a dialog: Cancel, and the button that saves (a submit, or a click handler). */
export function DialogActions({
  onCancel,
  label,
  isPending,
  onConfirm,
}: {
  onCancel: () => void;
  label: string;
  isPending: boolean;
  /** Without it the button submits the dialog's form. */
  onConfirm?: () => void;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type={onConfirm ? "button" : "submit"} disabled={isPending} onClick={onConfirm}>
        {isPending && <Loader2 aria-hidden className="animate-spin" />}
        {label}
      </Button>
    </div>
  );
}

/** The foot of a dialog's form: what went wrong (if anything), Cancel, and the submit button. */
export function DialogFormFooter({
  dialog,
  label,
}: {
  dialog: { state: ActionState; isPending: boolean; setOpen: (open: boolean) => void };
  label: string;
}) {
  return (
    <>
      {dialog.state.status === "error" ? <FormStatus state={dialog.state} /> : null}
      <DialogActions
        label={label}
        isPending={dialog.isPending}
        onCancel={() => dialog.setOpen(false)}
      />
    </>
  );
}

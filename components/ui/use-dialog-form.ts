"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";

import { type ActionState, IDLE } from "@/lib/action-state";

import { useToast } from "./toaster";

/**
 * A dialog's form behind a server action: open state, and on success the dialog closes, a toast
 * says what happened and `onSaved` runs (e.g. refresh or go to the saved thing).
 */
export function useDialogForm<State extends ActionState>(
  save: (previous: State, form: FormData) => Promise<State>,
  onSaved: (result: State) => void,
) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [state, action, isPending] = useActionState<State, FormData>(async (previous, form) => {
    const result = await save(previous as State, form);
    if (result.status === "success") {
      setOpen(false);
      toast({ message: result.message ?? "Saved." });
      onSaved(result);
    }
    return result;
  }, IDLE as Awaited<State>);
  return { open, setOpen, state, action, isPending };
}

/**
 * A dialog whose form saves with a server action and, once saved, refreshes the page: the dialog's
 * state and a field's error.
 */
export function useRefreshingDialog(
  save: (previous: ActionState, form: FormData) => Promise<ActionState>,
) {
  const router = useRouter();
  const dialog = useDialogForm(save, () => router.refresh());
  const error = (field: string) => dialog.state.fieldErrors?.[field];
  return { dialog, state: dialog.state, error };
}

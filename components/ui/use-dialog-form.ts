"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";

import { type ActionState, IDLE } from "@/lib/action-state";

import { useToast } from "./toaster";

/**
 * A form behind a server action: on success a toast says what happened and `onSaved` runs (close
 * the dialog, refresh or go to the saved thing).
 */
export function useSavingForm<State extends ActionState>(
  save: (previous: State, form: FormData) => Promise<State>,
  onSaved: (result: State) => void,
) {
  const toast = useToast();
  const [state, action, isPending] = useActionState<State, FormData>(async (previous, form) => {
    const result = await save(previous as State, form);
    if (result.status === "success") {
      toast({ message: result.message ?? "Saved." });
      onSaved(result);
    }
    return result;
  }, IDLE as Awaited<State>);
  const error = (field: string) => state.fieldErrors?.[field];
  return { state, action, isPending, error };
}

/** A dialog's form behind a server action: its open state, and on success the dialog closes. */
export function useDialogForm<State extends ActionState>(
  save: (previous: State, form: FormData) => Promise<State>,
  onSaved: (result: State) => void,
) {
  const [open, setOpen] = useState(false);
  const form = useSavingForm(save, (result) => {
    setOpen(false);
    onSaved(result);
  });
  return { open, setOpen, state: form.state, action: form.action, isPending: form.isPending };
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

/** The form of a lazily loaded dialog body (LazyBodyModal): once saved, it closes and the page refreshes. */
export function useRefreshingForm(
  save: (previous: ActionState, form: FormData) => Promise<ActionState>,
  close: () => void,
) {
  const router = useRouter();
  return useSavingForm(save, () => {
    close();
    router.refresh();
  });
}

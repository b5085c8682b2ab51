"use client";

import { X } from "lucide-react";
import { Dialog } from "radix-ui";

/** The × in a dialog's or drawer's corner. */
export function DialogCloseButton() {
  return (
    <Dialog.Close
      className="rounded-md p-1 text-muted hover:bg-surface-muted hover:text-fg"
      aria-label="Close"
    >
      <X aria-hidden className="size-5" />
    </Dialog.Close>
  );
}

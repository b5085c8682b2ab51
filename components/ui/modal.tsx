"use client";

import { LazyDialog, lazyIsland } from "./lazy-island";
import type { ModalContentProps } from "./modal-dialog";

const dialog = lazyIsland(() => import("./modal-dialog").then((module) => module.ModalDialog));

/**
 * A dialog with a title, a line under it, a body and a close button (focus trapped, Escape closes).
 * Its code loads when it first opens, or when the pointer or the focus reaches its trigger.
 */
export function Modal({
  open,
  onOpenChange,
  trigger,
  ...content
}: ModalContentProps & {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The button that opens it. */
  trigger?: React.ReactElement;
}) {
  return (
    <LazyDialog
      dialog={dialog}
      content={content}
      trigger={trigger}
      open={open}
      onOpenChange={onOpenChange}
    />
  );
}

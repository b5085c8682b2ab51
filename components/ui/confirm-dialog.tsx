"use client";

import type { ConfirmContentProps } from "./confirm-dialog-content";
import { LazyDialog, lazyIsland } from "./lazy-island";

const dialog = lazyIsland(() =>
  import("./confirm-dialog-content").then((module) => module.ConfirmDialogContent),
);

/**
 * An accessible confirmation (focus trapped, Escape cancels) for actions that are hard to undo.
 * Its code loads when it first opens, or when the pointer or the focus reaches its trigger.
 */
export function ConfirmDialog({
  trigger,
  onOpenChange,
  ...content
}: ConfirmContentProps & {
  trigger: React.ReactElement;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <LazyDialog dialog={dialog} content={content} trigger={trigger} onOpenChange={onOpenChange} />
  );
}

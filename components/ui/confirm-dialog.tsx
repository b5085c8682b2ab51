"use client";

import { Suspense } from "react";

import type { ConfirmContentProps } from "./confirm-dialog-content";
import { DialogTrigger, lazyIsland, useOpenState } from "./lazy-island";

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
  const [isOpen, setOpen] = useOpenState(undefined, onOpenChange);
  return (
    <>
      <DialogTrigger
        trigger={trigger}
        isOpen={isOpen}
        onOpen={() => setOpen(true)}
        preload={dialog.preload}
      />
      {isOpen && (
        <Suspense fallback={null}>
          <dialog.Component {...content} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}

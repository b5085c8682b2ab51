"use client";

import { Dialog } from "radix-ui";

import { cn } from "@/lib/utils";

import { DialogCloseButton } from "./dialog-close-button";
import { useReturnFocus } from "./lazy-island";

export type ModalContentProps = {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  /** Room for a table of fields. */
  wide?: boolean;
};

/** The open dialog behind `Modal`, loaded when it first opens (Radix's dialog is 16 KB gzip). */
export function ModalDialog({
  onOpenChange,
  title,
  description,
  children,
  wide = false,
}: ModalContentProps & { onOpenChange: (open: boolean) => void }) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-fg/30 backdrop-blur-[1px]" />
        <Dialog.Content
          onCloseAutoFocus={returnFocus}
          // Without a description, say so (Radix warns about a missing one otherwise).
          {...(!description && { "aria-describedby": undefined })}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[calc(100vh-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-border bg-surface p-6 shadow-xl",
            wide ? "w-[min(48rem,calc(100vw-2rem))]" : "w-[min(32rem,calc(100vw-2rem))]",
          )}
        >
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <Dialog.Title className="text-base font-semibold text-fg">{title}</Dialog.Title>
              {description && (
                <Dialog.Description className="mt-1 text-sm text-muted">
                  {description}
                </Dialog.Description>
              )}
            </div>
            <DialogCloseButton />
          </div>
          <div className="mt-5">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

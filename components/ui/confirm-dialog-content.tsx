"use client";

import { AlertDialog } from "radix-ui";
import * as React from "react";

import { Button } from "./button";
import { useReturnFocus } from "./lazy-island";

export type ConfirmContentProps = {
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "primary" | "danger";
  /** Extra content (e.g. a comment field) between the description and the buttons. */
  children?: React.ReactNode;
  /** Keeps the confirm button disabled, e.g. until a required comment is written. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
};

/** The open confirmation behind `ConfirmDialog`, loaded when it first opens. */
export function ConfirmDialogContent({
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "primary",
  children,
  confirmDisabled = false,
  onConfirm,
  onOpenChange,
}: ConfirmContentProps & { onOpenChange: (open: boolean) => void }) {
  const returnFocus = useReturnFocus();
  return (
    <AlertDialog.Root open onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-fg/30 backdrop-blur-[1px]" />
        <AlertDialog.Content
          onCloseAutoFocus={returnFocus}
          className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-surface p-6 shadow-xl"
        >
          <AlertDialog.Title className="text-base font-semibold text-fg">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-muted">
            {description}
          </AlertDialog.Description>
          {children && <div className="mt-4">{children}</div>}
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant={tone} onClick={onConfirm} disabled={confirmDisabled}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

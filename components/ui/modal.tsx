"use client";

import { Suspense } from "react";

import { LazyDialog, lazyIsland, useOpenState } from "./lazy-island";
import type { ModalContentProps } from "./modal-dialog";

const dialog = lazyIsland(() => import("./modal-dialog").then((module) => module.ModalDialog));

type ModalProps = ModalContentProps & {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The button that opens it. */
  trigger?: React.ReactElement;
  /** Loads what the body needs, with the dialog (see LazyBodyModal). */
  preload?: () => unknown;
};

/**
 * A dialog with a title, a line under it, a body and a close button (focus trapped, Escape closes).
 * Its code loads when it first opens, or when the pointer or the focus reaches its trigger.
 */
export function Modal({ open, onOpenChange, trigger, preload, ...content }: ModalProps) {
  return (
    <LazyDialog
      dialog={dialog}
      content={content}
      trigger={trigger}
      open={open}
      onOpenChange={onOpenChange}
      preload={preload}
    />
  );
}

/** What the body of a LazyBodyModal is given besides its own props: how to close the dialog. */
export type DialogBodyProps = { close: () => void };

/**
 * A Modal whose body (a form, usually) is a module of its own, loaded with the dialog when it
 * first opens, so a page carries only the button. The body mounts afresh on every opening.
 */
export function LazyBodyModal<Props extends object>({
  body,
  bodyProps,
  open,
  onOpenChange,
  ...modal
}: Omit<ModalProps, "children" | "preload"> & {
  body: ReturnType<typeof lazyIsland<Props & DialogBodyProps>>;
  bodyProps: Props;
}) {
  const [isOpen, setOpen] = useOpenState(open, onOpenChange);
  return (
    <Modal {...modal} open={isOpen} onOpenChange={setOpen} preload={body.preload}>
      <Suspense
        fallback={
          <p role="status" className="py-6 text-center text-sm text-muted">
            Loading…
          </p>
        }
      >
        <body.Component {...bodyProps} close={() => setOpen(false)} />
      </Suspense>
    </Modal>
  );
}

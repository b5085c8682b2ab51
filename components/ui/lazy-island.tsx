"use client";

import { type ComponentType, cloneElement, lazy, Suspense, use, useState } from "react";

/**
 * A component whose code loads when it is first needed (a dialog when it opens), not with the
 * page: `preload` starts loading early, when a pointer or the focus reaches what opens it.
 */
export function lazyIsland<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined; // a failed load (the network) is tried again next time
        throw error;
      },
    ));
  return { Component: lazy(preload), preload };
}

const LAZY = Symbol.for("react.lazy");

/**
 * The element itself, for `cloneElement`: an element a server component rendered may arrive as a
 * lazy reference to the part of the stream that holds it; unwrapped here as Radix's Slot does.
 */
export function useResolvedElement<Props>(node: React.ReactElement): React.ReactElement<Props> {
  const lazyNode = node as unknown as { $$typeof?: symbol; _payload?: PromiseLike<unknown> };
  if (lazyNode.$$typeof === LAZY && lazyNode._payload)
    return use(lazyNode._payload as Promise<React.ReactElement<Props>>);
  return node as React.ReactElement<Props>;
}

type TriggerProps = {
  onClick?: (event: React.MouseEvent<HTMLElement>) => void;
  onPointerEnter?: (event: React.PointerEvent<HTMLElement>) => void;
  onFocus?: (event: React.FocusEvent<HTMLElement>) => void;
};

/**
 * The button that opens a lazily loaded dialog: it announces the dialog (`aria-haspopup`,
 * `aria-expanded`), loads its code on hover or focus, and opens it on click.
 */
export function DialogTrigger({
  trigger,
  isOpen,
  onOpen,
  preload,
}: {
  trigger: React.ReactElement;
  isOpen: boolean;
  onOpen: () => void;
  preload: () => unknown;
}) {
  const element = useResolvedElement<TriggerProps>(trigger);
  const own = element.props;
  return cloneElement(element, {
    "aria-haspopup": "dialog",
    "aria-expanded": isOpen,
    onPointerEnter: (event: React.PointerEvent<HTMLElement>) => {
      own.onPointerEnter?.(event);
      void preload();
    },
    onFocus: (event: React.FocusEvent<HTMLElement>) => {
      own.onFocus?.(event);
      void preload();
    },
    onClick: (event: React.MouseEvent<HTMLElement>) => {
      own.onClick?.(event);
      if (!event.defaultPrevented) onOpen();
    },
  } as TriggerProps);
}

/** Open state that a parent may control (`open`, `onOpenChange`) or leave to the dialog. */
export function useOpenState(
  open: boolean | undefined,
  onOpenChange: ((open: boolean) => void) | undefined,
): [boolean, (open: boolean) => void] {
  const [ownOpen, setOwnOpen] = useState(false);
  return [
    open ?? ownOpen,
    (next) => {
      setOwnOpen(next);
      onOpenChange?.(next);
    },
  ];
}

/**
 * Where focus goes back when a dialog mounted open closes: what had it when the dialog opened (the
 * button that opened it). Radix returns it to its own trigger, which these dialogs do not use.
 */
export function useReturnFocus(): (event: Event) => void {
  const [opener] = useState(() =>
    typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null),
  );
  return (event) => {
    event.preventDefault();
    if (opener?.isConnected) opener.focus();
  };
}

/**
 * A dialog whose code loads when it first opens: its trigger (if any) and, while open, the dialog
 * itself (`dialog`, from `lazyIsland`), given the content's props and the way to close it.
 */
export function LazyDialog<Props extends object>({
  dialog,
  content,
  trigger,
  open,
  onOpenChange,
  preload,
}: {
  dialog: ReturnType<typeof lazyIsland<Props & { onOpenChange: (open: boolean) => void }>>;
  content: Props;
  trigger?: React.ReactElement;
  /** Loads what the dialog shows besides itself (a body of its own), with the dialog. */
  preload?: () => unknown;
  /** Given when the parent controls the dialog; left out, the dialog keeps its own state. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const [isOpen, setOpen] = useOpenState(open, onOpenChange);
  return (
    <>
      {trigger && (
        <DialogTrigger
          trigger={trigger}
          isOpen={isOpen}
          onOpen={() => setOpen(true)}
          preload={() => {
            void preload?.();
            return dialog.preload();
          }}
        />
      )}
      {isOpen && (
        <Suspense fallback={null}>
          <dialog.Component {...content} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}

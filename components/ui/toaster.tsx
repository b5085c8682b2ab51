"use client";

import { createContext, Suspense, useCallback, useContext, useState } from "react";

import { lazyIsland } from "./lazy-island";

export type ToastMessage = { message: string; tone?: "success" | "error" };
export type Shown = ToastMessage & { id: number };

const ToastContext = createContext<(toast: ToastMessage) => void>(() => {});

let nextId = 0;

const toastItem = lazyIsland(() => import("./toast-item").then((module) => module.ToastItem));

/**
 * Short confirmations of completed actions ("TEST approved.", "Settings saved."), bottom right, gone
 * after a few seconds (held while pointed at or focused), announced politely to screen readers.
 * Errors stay next to what failed instead. Written here rather than taken from a UI library: every
 * page loads it, and it needs none of a library's swipe gestures or layers. A toast's own code
 * (toast-item.tsx) loads with the first toast.
 */
export function Toaster({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const show = useCallback(
    (toast: ToastMessage) => setToasts((list) => [...list.slice(-2), { ...toast, id: ++nextId }]),
    [],
  );
  const remove = useCallback(
    (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)),
    [],
  );
  return (
    <ToastContext value={show}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed right-4 bottom-4 z-[60] w-[min(24rem,calc(100vw-2rem))]"
      >
        <div aria-live="polite" aria-relevant="additions text" className="flex flex-col gap-2">
          <Suspense fallback={null}>
            {toasts.map((toast) => (
              <toastItem.Component key={toast.id} toast={toast} onDone={remove} />
            ))}
          </Suspense>
        </div>
      </section>
    </ToastContext>
  );
}

/** Shows a toast: `toast({ message: "Saved." })`. */
export function useToast(): (toast: ToastMessage) => void {
  return useContext(ToastContext);
}

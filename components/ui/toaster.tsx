"use client";

import { AlertCircle, CheckCircle2, X } from "lucide-react";
import { Toast } from "radix-ui";
import { createContext, useCallback, useContext, useState } from "react";

import { cn } from "@/lib/utils";

export type ToastMessage = { message: string; tone?: "success" | "error" };

const ToastContext = createContext<(toast: ToastMessage) => void>(() => {});

/**
 * Short confirmations of completed actions ("TEST approved.", "Settings saved."), bottom right, gone
 * after a few seconds, announced to screen readers. Errors stay next to what failed instead.
 */
export function Toaster({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<(ToastMessage & { id: number })[]>([]);
  const show = useCallback(
    (toast: ToastMessage) => setToasts((list) => [...list.slice(-2), { ...toast, id: Date.now() }]),
    [],
  );
  const remove = (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id));
  return (
    <ToastContext value={show}>
      <Toast.Provider duration={6000} swipeDirection="right" label="Notification">
        {children}
        {toasts.map((toast) => {
          const isError = toast.tone === "error";
          const Icon = isError ? AlertCircle : CheckCircle2;
          return (
            <Toast.Root
              key={toast.id}
              onOpenChange={(open) => !open && remove(toast.id)}
              className="w-full rounded-lg border border-border bg-surface px-4 py-3 text-sm shadow-lg data-[state=closed]:opacity-0 data-[swipe=end]:translate-x-(--radix-toast-swipe-end-x) data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x)"
            >
              {/* The root is an item of the toasts' list; Radix announces the text itself, and the
                  role inside lets people and tests find the toast. */}
              <div role="status" aria-live="off" className="flex items-start gap-2.5">
                <Icon
                  aria-hidden
                  className={cn("mt-0.5 size-4 shrink-0", isError ? "text-danger" : "text-success")}
                />
                <Toast.Title className="flex-1 text-fg">{toast.message}</Toast.Title>
                <Toast.Close aria-label="Dismiss" className="rounded text-muted hover:text-fg">
                  <X aria-hidden className="size-4" />
                </Toast.Close>
              </div>
            </Toast.Root>
          );
        })}
        <Toast.Viewport className="fixed right-4 bottom-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none" />
      </Toast.Provider>
    </ToastContext>
  );
}

/** Shows a toast: `toast({ message: "Saved." })`. */
export function useToast(): (toast: ToastMessage) => void {
  return useContext(ToastContext);
}

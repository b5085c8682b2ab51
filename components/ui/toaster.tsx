"use client";

import { AlertCircle, CheckCircle2, X } from "lucide-react";
import { createContext, useCallback, useContext, useEffect, useState } from "react";

import { cn } from "@/lib/utils";

export type ToastMessage = { message: string; tone?: "success" | "error" };
type Shown = ToastMessage & { id: number };

const ToastContext = createContext<(toast: ToastMessage) => void>(() => {});

/** How long a toast stays; a pointer or focus on it holds it. */
const DURATION_MS = 6000;

let nextId = 0;

function ToastItem({ toast, onDone }: { toast: Shown; onDone: (id: number) => void }) {
  const [isHeld, setHeld] = useState(false);
  useEffect(() => {
    if (isHeld) return;
    const timer = setTimeout(() => onDone(toast.id), DURATION_MS);
    return () => clearTimeout(timer);
  }, [isHeld, onDone, toast.id]);
  const isError = toast.tone === "error";
  const Icon = isError ? AlertCircle : CheckCircle2;
  return (
    // The container announces what is added; the role lets people and tests find the toast.
    <div
      role="status"
      aria-live="off"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className="pointer-events-auto flex w-full items-start gap-2.5 rounded-lg border border-border bg-surface px-4 py-3 text-sm shadow-lg"
    >
      <Icon
        aria-hidden
        className={cn("mt-0.5 size-4 shrink-0", isError ? "text-danger" : "text-success")}
      />
      <p className="flex-1 text-fg">{toast.message}</p>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onDone(toast.id)}
        className="rounded text-muted hover:text-fg"
      >
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

/**
 * Short confirmations of completed actions ("TEST approved.", "Settings saved."), bottom right, gone
 * after a few seconds (held while pointed at or focused), announced politely to screen readers.
 * Errors stay next to what failed instead. Written here rather than taken from a UI library: every
 * page loads it, and it needs none of a library's swipe gestures or layers.
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
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDone={remove} />
          ))}
        </div>
      </section>
    </ToastContext>
  );
}

/** Shows a toast: `toast({ message: "Saved." })`. */
export function useToast(): (toast: ToastMessage) => void {
  return useContext(ToastContext);
}

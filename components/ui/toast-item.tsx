"use client";

import { AlertCircle, CheckCircle2, X } from "lucide-react";
import { useEffect, useState } from "react";

import { cn } from "@/lib/utils";

import type { Shown } from "./toaster";

/** How long a toast stays; a pointer or focus on it holds it. */
const DURATION_MS = 6000;

/** One toast, loaded with the first one shown (the Toaster is on every page; toasts follow actions). */
export function ToastItem({ toast, onDone }: { toast: Shown; onDone: (id: number) => void }) {
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

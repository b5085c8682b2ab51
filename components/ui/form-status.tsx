import { AlertCircle, CheckCircle2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";

/** The answer of a form's server action: a success note or an error, announced to screen readers. */
export function FormStatus({ state }: { state: ActionState }) {
  if (state.status === "idle" || !state.message) return null;
  const isError = state.status === "error";
  return (
    <p
      role={isError ? "alert" : "status"}
      className={
        isError
          ? "flex items-start gap-2 rounded-md border border-danger/25 bg-danger-soft px-3 py-2 text-sm text-danger"
          : "flex items-start gap-2 rounded-md border border-success/25 bg-success-soft px-3 py-2 text-sm text-success"
      }
    >
      {isError ? (
        <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
      ) : (
        <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
      )}
      {state.message}
    </p>
  );
}

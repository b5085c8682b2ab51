import type { ActionState } from "@/lib/action-state";

import { Alert } from "./alert";

/** The answer of a form's server action: a success note or an error, announced to screen readers. */
export function FormStatus({ state }: { state: ActionState }) {
  if (state.status === "idle" || !state.message) return null;
  const isError = state.status === "error";
  return (
    <Alert tone={isError ? "danger" : "success"} role={isError ? "alert" : "status"}>
      {state.message}
    </Alert>
  );
}

import type { ErrorCode } from "./errors";

/** What a server action answers a form: a message and the problems per field. */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  /** The error code, for answers a form handles specially (e.g. STALE_REVISION: offer to reload). */
  code?: ErrorCode;
  fieldErrors?: Record<string, string>;
  /** What was submitted, when it failed: React resets a form after its action, so fields refill from here. */
  values?: Record<string, string[]>;
  /** Changes on every answer, so that a form can tell two equal answers apart. */
  at?: number;
};

/** A field's submitted value after a failed save, else the fallback (for `defaultValue`). */
export function submitted(
  state: ActionState,
  name: string,
  fallback: string | null | undefined,
): string {
  return state.values?.[name]?.[0] ?? fallback ?? "";
}

/** Whether a checkbox was ticked in a failed save, else the fallback (for `defaultChecked`). */
export function submittedChecked(
  state: ActionState,
  name: string,
  value: string,
  fallback: boolean,
): boolean {
  return state.values ? (state.values[name] ?? []).includes(value) : fallback;
}

/** What saving a release answers: creating also says which release it made, so the form can go there. */
export type SaveState = ActionState & { releaseId?: string };

export const IDLE: ActionState = { status: "idle" };

/** Answers that hand over a one-time "set your password" link. */
export type LinkState = ActionState & { setPasswordUrl?: string };

/** Creating an API token answers with its secret, shown once. */
export type TokenState = ActionState & { token?: string };

/** Setting a password from a link answers with the email to sign in with. */
export type PasswordLinkState = ActionState & { email?: string };

/** Saving a product answers with its key, so the form can go to its page. */
export type ProductState = ActionState & { productKey?: string };

import "server-only";

import { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import { toAppError } from "@/lib/server/api/errors";
import { log } from "@/lib/server/log";

export function success(message: string): ActionState {
  return { status: "success", message, at: Date.now() };
}

function valuesOf(form: FormData | undefined): ActionState["values"] {
  if (!form) return undefined;
  const values: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) (values[name] ??= []).push(value);
  }
  return values;
}

/** Maps anything thrown by validation or a use case to a form answer; unexpected errors are logged. */
export function failure(error: unknown, form?: FormData): ActionState {
  const values = valuesOf(form);
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return {
      status: "error",
      code: "VALIDATION_FAILED",
      // A form highlights its fields; a button or dialog has only the message to show.
      message: form ? "Please correct the highlighted fields." : error.issues[0]!.message,
      fieldErrors,
      values,
      at: Date.now(),
    };
  }
  const appError = toAppError(error);
  if (appError)
    return {
      status: "error",
      message: appError.message,
      code: appError.code,
      values,
      at: Date.now(),
    };
  log().error({ err: error }, "unexpected error in a server action");
  return {
    status: "error",
    message: "Something went wrong on our side. Nothing was saved.",
    values,
    at: Date.now(),
  };
}

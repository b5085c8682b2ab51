// One error type for everything the user can be told. The kind decides the HTTP status (mapped in
// one place, lib/server/http.ts); the code is stable for API clients; the message is for people.

export type AppErrorKind =
  | "BAD_REQUEST" // 400 malformed input
  | "UNAUTHENTICATED" // 401 no session or token
  | "FORBIDDEN" // 403 signed in, but not allowed
  | "NOT_FOUND" // 404 unknown id (or not visible to the caller)
  | "CONFLICT" // 409 stale revision, duplicate approval, wrong stage
  | "UNPROCESSABLE"; // 422 well-formed, but breaks a rule

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly code: string;
  readonly details?: unknown;

  constructor(kind: AppErrorKind, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// One error type for everything the user can be told. The kind decides the HTTP status (mapped in
// one place, lib/server/api/errors.ts); the code is stable for API clients and for the UI, which
// reacts to some of them (STALE_REVISION offers a reload); the message is for people.

export type AppErrorKind =
  | "BAD_REQUEST" // 400 malformed input
  | "UNAUTHENTICATED" // 401 no session or token
  | "FORBIDDEN" // 403 signed in, but not allowed
  | "NOT_FOUND" // 404 unknown id (or not visible to the caller)
  | "CONFLICT" // 409 stale revision, duplicate approval, wrong stage
  | "UNPROCESSABLE" // 422 well-formed, but breaks a rule
  | "TOO_LARGE" // 413 the request body is over the limit
  | "RATE_LIMITED" // 429 too many attempts; try again later
  | "LOCKED"; // 423 the gate is closed (asked with enforce=true)

/**
 * Every code the API and the server actions answer with, by the HTTP status it comes with;
 * clients may rely on each of them. (The status follows the error's kind, lib/server/api/errors.ts;
 * this table is what the API description states.)
 */
export const ERROR_CODES_BY_STATUS = {
  400: [
    "VALIDATION_FAILED",
    "MALFORMED_JSON",
    "UNKNOWN_PARAMETER",
    "COMMENT_REQUIRED",
    "NO_CHANGES",
  ],
  401: ["UNAUTHENTICATED", "INVALID_TOKEN", "INVALID_CREDENTIALS"],
  403: [
    "FORBIDDEN",
    "NOT_AN_APPROVER",
    "NOT_AN_OWNER",
    "NOT_A_DEPUTY",
    "FOUR_EYES",
    "TOKEN_SCOPE",
    "SESSION_REQUIRED",
    "CROSS_ORIGIN",
  ],
  404: ["NOT_FOUND", "RELEASE_NOT_FOUND"],
  405: ["METHOD_NOT_ALLOWED"],
  409: [
    "DUPLICATE",
    "SLOT_TAKEN",
    "STALE_REVISION",
    "ALREADY_DECIDED",
    "RELEASE_NOT_OPEN",
    "RELEASE_NOT_ON_HOLD",
    "RELEASE_CLOSED",
    "STAGE_NOT_CURRENT",
    "STAGE_REJECTED",
    "STAGE_NOT_REJECTED",
    "EMAIL_TAKEN",
    "LAST_ADMIN",
    "PRODUCT_TAKEN",
    "RELEASE_NOT_LIVE",
    "ROLLOUT_LOCKED",
    "VERSION_TAKEN",
    "ARTIFACT_MISMATCH",
    "NOT_SIGNED_OFF",
    "PROMOTION_NOT_FAILED",
    "NOTHING_TO_PUBLISH",
  ],
  413: ["PAYLOAD_TOO_LARGE"],
  423: ["GATE_CLOSED"],
  422: [
    "NOT_A_WORKING_DAY",
    "UNKNOWN_REGION",
    "DATE_OUT_OF_RANGE",
    "GO_LIVE_IN_PAST",
    "GO_LIVE_TOO_EARLY",
    "USE_GO_LIVE",
    "STAGE_CLOSED",
    "END_BEFORE_START",
    "END_IN_PAST",
    "EXPIRY_TOO_FAR",
    "ALREADY_STARTED",
    "REGION_LOCKED",
    "ARTIFACT_LOCKED",
    "PARENT_NOT_FOUND",
    "PARENT_NOT_A_RELEASE",
    "WEAK_PASSWORD",
    "WRONG_PASSWORD",
    "LINK_EXPIRED",
    "SCOPE_NOT_ALLOWED",
    "UNKNOWN_PRODUCT",
    "EMPTY_CADENCE",
    "EMPTY_RULE",
    "EXCEPTION_TOO_LONG",
    "NO_GITOPS_TARGET",
    "NO_FREE_DATE",
    "UNKNOWN_USER",
    "ROLE_NOT_ALLOWED",
    "DEPUTY_IS_SELF",
    "DEPUTY_NOT_ACTIVE",
    "DELEGATION_OVERLAP",
    "PATCH_NOT_OF_RELEASE",
    "IN_FREEZE",
    "BAD_STEPS",
    "URL_NOT_ALLOWED",
  ],
  429: ["TOO_MANY_ATTEMPTS"],
  500: ["INTERNAL"],
} as const;

export type ErrorCode = (typeof ERROR_CODES_BY_STATUS)[keyof typeof ERROR_CODES_BY_STATUS][number];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CODES_BY_STATUS).flat();

/** The HTTP status a code is answered with. */
export function statusOfErrorCode(code: ErrorCode): number {
  const entry = Object.entries(ERROR_CODES_BY_STATUS).find(([, codes]) =>
    (codes as readonly string[]).includes(code),
  );
  return Number(entry![0]);
}

/** The JSON error envelope of the API, as clients read it. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(kind: AppErrorKind, code: ErrorCode, message: string, details?: unknown) {
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

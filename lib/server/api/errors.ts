import "server-only";

import { z } from "zod";

import { Prisma } from "@/generated/prisma/client";
import { AppError, type AppErrorKind } from "@/lib/errors";
import { log } from "@/lib/server/log";
import { versionTaken } from "@/lib/server/releases/version-taken";

const STATUS_BY_KIND: Record<AppErrorKind, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  LOCKED: 423,
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The partial unique index "one release not cancelled per version" (its migration names it). */
function isVersionIndex(meta: Record<string, unknown> | undefined): boolean {
  const text = JSON.stringify(meta ?? {});
  return text.includes("releases_version_not_cancelled_key") || /"target":\["version"\]/.test(text);
}

/** Turns anything thrown into a domain-level AppError; unknown errors stay as they are. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return new AppError("BAD_REQUEST", "VALIDATION_FAILED", `Invalid input. ${summary}`, {
      issues,
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002" && isVersionIndex(error.meta)) return versionTaken();
    if (error.code === "P2002") {
      return new AppError("CONFLICT", "DUPLICATE", "This already exists.", {
        target: error.meta?.target,
      });
    }
    if (error.code === "P2025") return new AppError("NOT_FOUND", "NOT_FOUND", "Not found.");
  }
  return undefined;
}

export function errorStatus(error: AppError): number {
  return STATUS_BY_KIND[error.kind];
}

/** The JSON error envelope of the API. Unexpected errors are logged once and never leak details. */
export function errorResponse(error: unknown, request?: Request): Response {
  const appError = toAppError(error);
  if (appError) {
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    return Response.json(body, { status: errorStatus(appError) });
  }
  log().error(
    { err: error, ...(request && { method: request.method, path: new URL(request.url).pathname }) },
    "unexpected error",
  );
  const body: ErrorBody = {
    error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." },
  };
  return Response.json(body, { status: 500 });
}

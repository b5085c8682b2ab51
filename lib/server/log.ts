import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

import { getEnv } from "@/lib/env";

/** What every log line of one request carries: its id (X-Request-Id) and, once known, the caller. */
type RequestContext = { requestId: string; userId?: string };

const requestContext = new AsyncLocalStorage<RequestContext>();
let logger: Logger | undefined;

const SECRET_FIELDS = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "secret",
  "authorization",
  "cookie",
];

/**
 * The server's logger: JSON lines (one object per event) in production, readable lines in
 * development; LOG_LEVEL and LOG_FORMAT override. Lines written while a request runs carry its
 * request id and user id.
 */
export function log(): Logger {
  if (logger) return logger;
  const env = getEnv();
  const format = env.LOG_FORMAT ?? (process.env.NODE_ENV === "production" ? "json" : "pretty");
  logger = pino(
    {
      level: env.LOG_LEVEL,
      base: { service: "release-calendar", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A secret that reaches a log line by accident (an error's context) is masked.
      redact: {
        paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
        censor: "[redacted]",
      },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId, userId: context.userId } : {};
      },
    },
    format === "pretty" ? pretty({ colorize: true, sync: true }) : undefined,
  );
  return logger;
}

/** A request id from the caller's X-Request-Id when it is a sane one, otherwise a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
}

/** Runs `work` as one request: its log lines carry `requestId` (and the user, once known). */
export function withRequestContext<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return requestContext.run({ requestId }, work);
}

/** Names the caller of the running request in its log lines. */
export function setRequestUser(userId: string): void {
  const context = requestContext.getStore();
  if (context) context.userId = userId;
}

/**
 * What the log says of a request that failed (instrumentation's onRequestError): the pathname
 * only, never the query string, which can carry a secret (a password link, a feed token).
 */
export function requestErrorFields(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
): Record<string, unknown> {
  const requestId = request.headers["x-request-id"];
  return {
    err: error,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    ...(typeof requestId === "string" && { requestId }),
  };
}

import "server-only";

import { z } from "zod";

import { scopeGrants, type TokenScope } from "@/lib/domain/people";
import { AppError } from "@/lib/errors";
import { findApiRoute } from "@/lib/http/api-routes";
import { MAX_BODY_BYTES } from "@/lib/http/front-door";
import { accessOf, assertCan, isAnyScope, isSessionOnly, type Permission } from "@/lib/permissions";
import { sessionOfRequest } from "@/lib/server/auth/session";
import { log, requestIdOf, setRequestUser, withRequestContext } from "@/lib/server/log";
import { authenticateApiToken } from "@/lib/server/users/api-tokens";
import type { SessionUser } from "@/lib/types/user";

import { errorResponse } from "./errors";

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Wraps a route handler so that every failure becomes the JSON error envelope, and every request
 * one log line (method, route, status, duration, request id, user) with its X-Request-Id echoed.
 */
export function apiRoute<Context = unknown>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return (request, context) => {
    const requestId = requestIdOf(request);
    return withRequestContext(requestId, async () => {
      const started = performance.now();
      let response: Response;
      try {
        response = await handler(request, context);
      } catch (error) {
        response = errorResponse(error, request);
      }
      const { pathname } = new URL(request.url);
      log().info(
        {
          method: request.method,
          route: findApiRoute(pathname)?.path ?? pathname,
          path: pathname,
          status: response.status,
          durationMs: Math.round(performance.now() - started),
        },
        "request",
      );
      response.headers.set("x-request-id", requestId);
      return response;
    });
  };
}

/** Who calls: an API token's owner (with its scope) or a browser session's person (with its id). */
export type Caller = { user: SessionUser; scope?: TokenScope; sessionId?: string };

/**
 * The caller (an API token, `Authorization: Bearer ...`, or the browser's session), who must hold
 * the permission the route needs: 401 without a caller, 403 when their role lacks it, 403
 * `TOKEN_SCOPE` when their token's scope does not reach it (a `read` token on a write route), 403
 * `SESSION_REQUIRED` when it is for a person at a browser only (a token minting tokens).
 */
export async function authenticateCaller(
  request: Request,
  permission: Permission,
): Promise<Caller> {
  const caller = await identify(request);
  setRequestUser(caller.user.id);
  assertCan(caller.user.role, permission);
  if (caller.scope && isSessionOnly(permission)) {
    throw new AppError(
      "FORBIDDEN",
      "SESSION_REQUIRED",
      "API tokens cannot do this: sign in with a browser to manage your account (tokens, password, sessions, deputies, calendar feed).",
    );
  }
  if (caller.scope && !isAnyScope(permission) && !scopeGrants(caller.scope, accessOf(permission))) {
    throw new AppError(
      "FORBIDDEN",
      "TOKEN_SCOPE",
      `This API token's scope "${caller.scope}" does not allow this: it needs ${accessOf(permission)} access.`,
    );
  }
  return caller;
}

/** The caller's user (see authenticateCaller). */
export async function authenticate(request: Request, permission: Permission): Promise<SessionUser> {
  return (await authenticateCaller(request, permission)).user;
}

async function identify(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const caller = token ? await authenticateApiToken(token) : null;
    if (!caller) {
      throw new AppError(
        "UNAUTHENTICATED",
        "INVALID_TOKEN",
        "The API token is invalid, expired or revoked.",
      );
    }
    return caller;
  }
  const session = await sessionOfRequest(request);
  if (!session)
    throw new AppError("UNAUTHENTICATED", "UNAUTHENTICATED", "Sign in to use this API.");
  return session;
}

/** Validates the query string; parameters the schema does not know are refused, not ignored. */
export function parseSearchParams<Schema extends z.ZodObject>(
  request: Request,
  schema: Schema,
): z.infer<Schema> {
  const params = new URL(request.url).searchParams;
  const known = new Set(Object.keys(schema.shape));
  const unknown = [...new Set(params.keys())].filter((key) => !known.has(key));
  if (unknown.length) {
    throw new AppError(
      "BAD_REQUEST",
      "UNKNOWN_PARAMETER",
      `Unknown query parameter: ${unknown.join(", ")}.`,
      {
        unknown,
        allowed: [...known],
      },
    );
  }
  refuseNul([...params.entries()].flat());
  const raw: Record<string, string | string[]> = {};
  for (const key of known) {
    const values = params.getAll(key);
    if (values.length === 1) raw[key] = values[0]!;
    else if (values.length > 1) raw[key] = values;
  }
  return schema.parse(raw);
}

function tooLarge(): AppError {
  return new AppError(
    "TOO_LARGE",
    "PAYLOAD_TOO_LARGE",
    `The request body is over the limit of ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  );
}

/** The body as text, refused with 413 past MAX_BODY_BYTES (also when sent without a length). */
async function readBody(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Validates the JSON body; `emptyAs` stands in for an empty body (actions whose fields are all optional). */
async function parseBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  emptyAs?: object,
): Promise<z.infer<Schema>> {
  const text = await readBody(request);
  if (emptyAs && !text.trim()) return schema.parse(emptyAs);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "MALFORMED_JSON", "The request body must be valid JSON.");
  }
  refuseNul(textsOf(body));
  return schema.parse(body);
}

/** Every string in a JSON value, keys included. */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => [key, ...textsOf(item)]);
  return [];
}

/**
 * PostgreSQL text cannot hold a NUL character: input carrying one is refused here with a 400,
 * before it could reach the database as a 500.
 */
function refuseNul(texts: readonly string[]): void {
  if (!texts.some((text) => text.includes("\u0000"))) return;
  throw new AppError("BAD_REQUEST", "VALIDATION_FAILED", "Text may not contain NUL characters.", {
    issues: [{ path: "", message: "Remove the NUL (\\u0000) character." }],
  });
}

export function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  return parseBody(request, schema);
}

/** Like parseJsonBody, but an empty body counts as `{}`. */
export function parseOptionalJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  return parseBody(request, schema, {});
}

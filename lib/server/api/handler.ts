import "server-only";

import { getServerSession } from "next-auth";
import { z } from "zod";

import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { authenticateApiToken } from "@/lib/server/users/authenticate-api-token";
import { getActiveUser } from "@/lib/server/users/get-active-user";
import type { SessionUser } from "@/lib/server/users/session-user";

import { errorResponse } from "./errors";

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/** Wraps a route handler so that every failure becomes the JSON error envelope. */
export function apiRoute<Context = unknown>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** The caller: an API token (`Authorization: Bearer ...`) or the browser's session. */
export async function authenticate(request: Request): Promise<SessionUser> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const user = token ? await authenticateApiToken(token) : null;
    if (!user)
      throw new AppError(
        "UNAUTHENTICATED",
        "INVALID_TOKEN",
        "The API token is invalid or revoked.",
      );
    return user;
  }
  const session = await getServerSession(authOptions);
  const user = session?.user?.id ? await getActiveUser(session.user.id) : null;
  if (!user) throw new AppError("UNAUTHENTICATED", "UNAUTHENTICATED", "Sign in to use this API.");
  return user;
}

export function authorize(isAllowed: boolean, message: string): void {
  if (!isAllowed) throw new AppError("FORBIDDEN", "FORBIDDEN", message);
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
  const raw: Record<string, string | string[]> = {};
  for (const key of known) {
    const values = params.getAll(key);
    if (values.length === 1) raw[key] = values[0]!;
    else if (values.length > 1) raw[key] = values;
  }
  return schema.parse(raw);
}

export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "MALFORMED_JSON", "The request body must be valid JSON.");
  }
  return schema.parse(body);
}

/** Like parseJsonBody, but an empty body counts as `{}` (for actions whose fields are all optional). */
export async function parseOptionalJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const text = await request.text();
  if (!text.trim()) return schema.parse({});
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "MALFORMED_JSON", "The request body must be valid JSON.");
  }
  return schema.parse(body);
}

import { isAppError } from "@/lib/errors";

/** Calls an App Router handler the way Next does, with a Bearer token instead of a session. */
export function callRoute(
  handler: (request: Request, context: unknown) => Promise<Response>,
  options: { method?: string; path: string; token?: string; body?: unknown; rawBody?: string },
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  return handler(
    new Request(`http://localhost${options.path}`, {
      method: options.method ?? "GET",
      headers,
      body,
    }),
    undefined,
  );
}

export async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; details?: unknown }> {
  const body = (await response.json()) as {
    error: { code: string; message: string; details?: unknown };
  };
  return { status: response.status, code: body.error.code, details: body.error.details };
}

type Json = Record<string, unknown>;

/**
 * Calls a handler with a Bearer token (or a browser session's Cookie header), a JSON body and path
 * parameters; answers status and JSON.
 */
export async function callJson<T = Json & { error?: { code: string; message: string } }>(
  handler: unknown,
  options: {
    method?: string;
    path: string;
    body?: unknown;
    params?: Json;
  } & ({ token: string; cookie?: never } | { cookie: string; token?: never }),
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : { cookie: options.cookie! };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${options.path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(request, {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The code of the AppError a promise rejects with (or the error as text), undefined if it resolves. */
export async function codeOfRejection(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
}

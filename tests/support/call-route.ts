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

// The browser's side of the API's error envelope: one way to call a JSON route and tell an answer
// from a refusal, so that every component reads `{"error": {code, message, details}}` alike.
import type { IsoDate } from "@/lib/domain/dates";
import type { ErrorBody, ErrorCode } from "@/lib/errors";

export type ApiProblem = {
  /** The HTTP status; 0 when the server could not be reached. */
  status: number;
  code: ErrorCode | "NETWORK";
  message: string;
  details?: unknown;
  /** Dates to offer instead, when the API suggested some (e.g. NOT_A_WORKING_DAY). */
  suggestions?: IsoDate[];
};

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem };

function suggestionsOf(details: unknown): IsoDate[] | undefined {
  const suggestions = (details as { suggestions?: unknown } | undefined)?.suggestions;
  return Array.isArray(suggestions) ? (suggestions as IsoDate[]) : undefined;
}

/**
 * GET (or, with a body, POST) a JSON route. Resolves to the data or to the problem the API named;
 * only an abort rejects, so that callers can ignore a request they cancelled.
 */
export async function fetchJson<T>(
  url: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (hasBody ? "POST" : "GET"),
      headers: hasBody ? { "content-type": "application/json" } : undefined,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return {
      ok: false,
      problem: {
        status: 0,
        code: "NETWORK",
        message: "The server could not be reached. Try again.",
      },
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, data: body as T };
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  return {
    ok: false,
    problem: {
      status: response.status,
      code: error?.code ?? "INTERNAL",
      message: error?.message ?? `The server answered ${response.status}. Try again.`,
      details: error?.details,
      suggestions: suggestionsOf(error?.details),
    },
  };
}

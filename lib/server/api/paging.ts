import "server-only";

import { AppError } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";

import { publicOrigin } from "./origin";

export type Page<T> = { items: T[]; total: number; next?: string };

// The cursor is opaque to clients: today it carries the position in a stable order.
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

/** Where a page starts; a cursor this API did not hand out is a 400. */
export function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o: unknown };
    if (typeof o === "number" && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new AppError(
    "BAD_REQUEST",
    "VALIDATION_FAILED",
    "The cursor is not one this API handed out.",
    {
      issues: [{ path: "cursor", message: "Use the cursor of a Link header as it is." }],
    },
  );
}

/** One page of an already ordered list. */
export function pageOf<T>(all: readonly T[], query: PageQuery): Page<T> {
  const offset = offsetOf(query.cursor);
  const items = all.slice(offset, offset + query.limit);
  const end = offset + items.length;
  return { items, total: all.length, next: end < all.length ? encodeCursor(end) : undefined };
}

/** One page read by the database: `read` answers the slice's rows and how many match in all. */
export async function pageFrom<T>(
  query: PageQuery,
  read: (slice: { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>,
): Promise<Page<T>> {
  const offset = offsetOf(query.cursor);
  const { items, total } = await read({ offset, limit: query.limit });
  const end = offset + items.length;
  return { items, total, next: end < total ? encodeCursor(end) : undefined };
}

/** A page as the API answers it: a JSON array, `X-Total-Count`, and `Link: <…>; rel="next"` when more rows exist. */
export function pageResponse<T>(request: Request, page: Page<T>): Response {
  const headers = new Headers({ "x-total-count": String(page.total) });
  if (page.next) {
    const url = new URL(request.url);
    url.searchParams.set("cursor", page.next);
    headers.set("link", `<${publicOrigin(request)}${url.pathname}${url.search}>; rel="next"`);
  }
  return Response.json(page.items, { headers });
}

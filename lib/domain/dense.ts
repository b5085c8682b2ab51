// How busy views stay readable and light: a view draws a bounded number of rows or lanes and says
// how many more there are ("N more"), instead of shipping megabytes nobody can read. The cut keeps
// the caller's order (by go-live), so what is drawn is what comes first.

/** Rows the timeline draws before "N more" (the address may ask for more: `rows=`). */
export const VIEW_ROW_LIMIT = 60;
/** The most rows an address may ask for. */
export const MAX_VIEW_ROWS = 1000;
/** Rows drawn per product when a view is grouped by product, at least. */
export const GROUP_ROW_MINIMUM = 5;
/** Lanes of a calendar week or an environment band before "N more". */
export const LANE_LIMIT = 12;

/**
 * The first `limit` rows, plus the rows right after the last of them that belong with it (a patch
 * under its release), and how many are left out.
 */
export function cutRows<T>(
  rows: readonly T[],
  limit: number,
  followsPrevious: (row: T) => boolean = () => false,
): { shown: T[]; hidden: number } {
  let end = Math.min(limit, rows.length);
  while (end < rows.length && followsPrevious(rows[end]!)) end++;
  return { shown: rows.slice(0, end), hidden: rows.length - end };
}

/** Rows per product group: the view's limit shared among the groups, never fewer than a few. */
export function groupRowLimit(limit: number, groups: number): number {
  return Math.max(GROUP_ROW_MINIMUM, Math.ceil(limit / Math.max(1, groups)));
}

/**
 * Items packed into lanes (see lanes.ts), cut to the first `limit` lanes: those drawn, and the
 * items that did not fit (an item of several lanes is drawn only when all of them fit).
 */
export function cutLanes<T extends { lane: number }>(
  packed: readonly T[],
  limit: number,
  heightOf: (item: T) => number = () => 1,
): { shown: T[]; hidden: T[] } {
  const shown: T[] = [];
  const hidden: T[] = [];
  for (const item of packed) (item.lane + heightOf(item) <= limit ? shown : hidden).push(item);
  return { shown, hidden };
}

/** The number of rows an address asks for (`rows=`), within bounds; the default otherwise. */
export function readRowLimit(value: unknown): number {
  const text = typeof value === "string" ? value : "";
  if (!/^\d{1,4}$/.test(text)) return VIEW_ROW_LIMIT;
  return Math.min(MAX_VIEW_ROWS, Math.max(VIEW_ROW_LIMIT, Number(text)));
}

/**
 * Draws items in order while a budget lasts (an item is drawn if any budget is left before it;
 * its cost is what drawing it took): the ones after are left undrawn (null), to be summarised.
 */
export function drawWhileBudgetLasts<T, D>(
  items: readonly T[],
  draw: (item: T) => D,
  costOf: (drawn: D) => number,
  budget: number,
): (D | null)[] {
  let left = budget;
  return items.map((item) => {
    if (left <= 0) return null;
    const drawn = draw(item);
    left -= costOf(drawn);
    return drawn;
  });
}

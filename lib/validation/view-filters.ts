import { isIsoDate, type IsoDate } from "@/lib/domain/dates";
import { isViewableDate } from "@/lib/domain/dates";
import { type TimelineRange, timelineRange, ZOOMS, type Zoom } from "@/lib/domain/timeline";

import { type ReleaseListQuery, releaseListQuerySchema } from "./releases";

export type SearchParams = Record<string, string | string[] | undefined>;
export type ViewFilters = {
  type?: string;
  status?: string;
  q?: string;
  region?: string;
  /** Product keys, comma-separated (the address may repeat `product` instead). */
  product?: string;
};

/** The first value of a query-string parameter, trimmed; undefined when empty. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : undefined;
}

/** Every value of a repeatable parameter (`?product=a&product=b` or `a,b`), comma-joined. */
export function allParams(value: string | string[] | undefined): string | undefined {
  const values = (Array.isArray(value) ? value : [value ?? ""])
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
  return values.length ? [...new Set(values)].join(",") : undefined;
}

/**
 * The filters of a page's address (type, status, region, text), read leniently: what cannot be
 * understood is ignored and reported, the page still shows.
 */
export function readViewFilters(params: SearchParams): {
  raw: ViewFilters;
  query: ReleaseListQuery;
  isValid: boolean;
} {
  const raw: ViewFilters = {
    type: firstParam(params.type),
    status: firstParam(params.status),
    q: firstParam(params.q),
    region: firstParam(params.region),
    product: allParams(params.product),
  };
  // PostgreSQL text cannot hold NUL: such a filter is not understood (never sent to the database).
  const hasNul = Object.values(raw).some((value) => value?.includes("\u0000"));
  const parsed = releaseListQuerySchema.safeParse(raw);
  const isValid = parsed.success && !hasNul;
  return { raw, query: isValid ? parsed.data : {}, isValid };
}

export function isFiltering(filters: ViewFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * The time window of the timeline and the environments view from the address: the zoom (6 weeks,
 * quarter, year) and where it starts, read leniently (anything else falls back to 6 weeks from
 * this week), plus what links within the view must keep.
 */
export function readTimeWindow(
  params: SearchParams,
  today: IsoDate,
): { zoom: Zoom; range: TimelineRange; keep: { zoom?: Zoom; from?: IsoDate } } {
  const zoom: Zoom = ZOOMS.includes(params.zoom as Zoom) ? (params.zoom as Zoom) : "6w";
  const from =
    typeof params.from === "string" && isIsoDate(params.from) && isViewableDate(params.from)
      ? params.from
      : undefined;
  return {
    zoom,
    range: timelineRange(zoom, today, from),
    keep: { zoom: zoom === "6w" ? undefined : zoom, from },
  };
}

export const RELEASE_SORTS = ["goLive", "-goLive", "name", "-name"] as const;
export type ReleaseSort = (typeof RELEASE_SORTS)[number];

/**
 * The order and page of the releases page, read leniently: an unknown sort is go-live, a page that
 * is not a positive whole number is none (the page then opens where the go-lives reach today).
 */
export function readReleaseListing(params: SearchParams): { sort: ReleaseSort; page?: number } {
  const sortParam = firstParam(params.sort);
  const sort = RELEASE_SORTS.find((candidate) => candidate === sortParam) ?? "goLive";
  return { sort, page: readPageNumber(params, "page") };
}

/** A page number of the address, or none when it is not a positive whole number. */
export function readPageNumber(params: SearchParams, name: string): number | undefined {
  const value = firstParam(params[name]);
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}

import { type ReleaseListQuery, releaseListQuerySchema } from "./releases";

export type SearchParams = Record<string, string | string[] | undefined>;
export type ViewFilters = { type?: string; status?: string; q?: string; region?: string };

/** The first value of a query-string parameter, trimmed; undefined when empty. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : undefined;
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
  };
  const parsed = releaseListQuerySchema.safeParse(raw);
  return { raw, query: parsed.success ? parsed.data : {}, isValid: parsed.success };
}

export function isFiltering(filters: ViewFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

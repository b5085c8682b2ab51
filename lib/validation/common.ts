import { z } from "zod";

import { isIsoDate } from "@/lib/domain/dates";

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "Use a real calendar date written YYYY-MM-DD." });

/** A query parameter given as `a,b` or repeated (`?x=a&x=b`), as a list of enum values. */
export function enumListParam<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((item) => item.split(","))
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));
}

/** For routes that take no query parameters: any given is refused. */
export const emptyQuerySchema = z.object({});

/** Paging of list routes: `limit` (default 500, at most 1000) and an opaque `cursor`. */
export const pageQuery = {
  limit: z.coerce
    .number({ message: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit is at least 1.")
    .max(1000, "limit is at most 1000.")
    .default(500),
  cursor: z.string().trim().max(200).optional(),
};

export const pageQuerySchema = z.object(pageQuery);

export type PageQuery = { limit: number; cursor?: string };

/** A holiday region: a country and an optional subdivision, `DE-BW`. */
export const regionSchema = z
  .string()
  .trim()
  .min(2, "Give a holiday region such as DE-BW.")
  .max(16)
  .transform((value) => value.toUpperCase());

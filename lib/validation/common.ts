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

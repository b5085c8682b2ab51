import { z } from "zod";

import { addDays, daysBetween, type IsoDate } from "@/lib/domain/dates";
import { monthStart, shiftMonth } from "@/lib/domain/month-calendar";
import { RELEASE_TYPES } from "@/lib/domain/stages";

import { isoDateSchema } from "./common";
import { productListParam } from "./products";

/** A report covers at most ten years: enough for any question, bounded for the database. */
const MAX_REPORT_DAYS = 3660;

export const reportQuerySchema = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    type: z.enum(RELEASE_TYPES).optional(),
    product: productListParam.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "'from' must not be after 'to'.",
    path: ["to"],
  })
  .refine(
    (query) => !query.from || !query.to || daysBetween(query.from, query.to) <= MAX_REPORT_DAYS,
    {
      message: "A report covers at most ten years.",
      path: ["to"],
    },
  );

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The default period: the last twelve months up to today's, and the next two (their forecast). */
export function reportPeriod(query: ReportQuery, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const thisMonth = monthStart(today);
  const from = query.from ?? shiftMonth(thisMonth, -11);
  const to = query.to ?? addDays(shiftMonth(thisMonth, 3), -1);
  return from <= to ? { from, to } : { from: to, to };
}

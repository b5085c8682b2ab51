import { z } from "zod";

import {
  addDays,
  daysBetween,
  FIRST_SUPPORTED_YEAR,
  type IsoDate,
  isIsoDate,
  isViewableDate,
  LAST_SUPPORTED_YEAR,
} from "@/lib/domain/dates";
import { monthStart, shiftMonth } from "@/lib/domain/month-calendar";
import { RELEASE_TYPES } from "@/lib/domain/stages";

import { isoDateSchema } from "./common";
import { productListParam } from "./products";

/** A report covers at most ten years: enough for any question, bounded for the database. */
const MAX_REPORT_DAYS = 3660;

/** A report's bound: a real date within the years the working-day calendar knows. */
const viewDateSchema = isoDateSchema.refine(isViewableDate, {
  message: `Use a date between ${FIRST_SUPPORTED_YEAR + 1} and ${LAST_SUPPORTED_YEAR - 1}.`,
});

function bothDates(query: { from?: string; to?: string }): query is { from: IsoDate; to: IsoDate } {
  return (
    query.from !== undefined &&
    query.to !== undefined &&
    isIsoDate(query.from) &&
    isIsoDate(query.to)
  );
}

export const reportQuerySchema = z
  .object({
    from: viewDateSchema.optional(),
    to: viewDateSchema.optional(),
    type: z.enum(RELEASE_TYPES).optional(),
    product: productListParam.optional(),
  })
  // The checks of both bounds together run on bounds that are dates (zod runs an object's
  // refinements even when a field failed its own check).
  .refine((query) => !bothDates(query) || query.from <= query.to, {
    message: "'from' must not be after 'to'.",
    path: ["to"],
  })
  .refine((query) => !bothDates(query) || daysBetween(query.from, query.to) <= MAX_REPORT_DAYS, {
    message: "A report covers at most ten years.",
    path: ["to"],
  });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The default period: the last twelve months up to today's, and the next two (their forecast). */
export function reportPeriod(query: ReportQuery, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const thisMonth = monthStart(today);
  let from = query.from ?? shiftMonth(thisMonth, -11);
  let to = query.to ?? addDays(shiftMonth(thisMonth, 3), -1);
  if (from > to) from = to;
  // One end asked far from the default other end: the period stays within the ten years.
  if (daysBetween(from, to) > MAX_REPORT_DAYS) {
    if (query.from) to = addDays(from, MAX_REPORT_DAYS);
    else from = addDays(to, -MAX_REPORT_DAYS);
  }
  return { from, to };
}

import { z } from "zod";

import { MAX_CANDIDATES, MAX_HORIZON_DAYS } from "@/lib/domain/plan-search";

import { isoDateSchema, regionSchema } from "./common";
import { productKeySchema } from "./products";

export { regionSchema };

/** POST /api/plan: a go-live (plan backward) or a DEV start (plan forward), never both. */
export const planRequestSchema = z
  .strictObject({
    goLive: isoDateSchema.optional(),
    start: isoDateSchema.optional(),
    region: regionSchema.optional(),
  })
  .refine((body) => (body.goLive === undefined) !== (body.start === undefined), {
    message: "Give either goLive (to plan backward) or start (to plan forward), not both.",
    path: ["goLive"],
  });

export type PlanRequest = z.infer<typeof planRequestSchema>;

/** GET /api/working-days: the non-working days and freezes of a region between two dates. */
export const workingDaysQuerySchema = z
  .object({ region: regionSchema.optional(), from: isoDateSchema, to: isoDateSchema })
  .refine((query) => query.from <= query.to, {
    message: "'from' must not be after 'to'.",
    path: ["to"],
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 400 * 86_400_000, {
    message: "Ask for at most 400 days at a time.",
    path: ["to"],
  });

/**
 * POST /api/plan/search: from a wished go-live (or a start, whose forward plan gives it), the first
 * go-lives whose whole plan fits in the environments.
 */
export const planSearchSchema = z
  .strictObject({
    goLive: isoDateSchema.optional(),
    start: isoDateSchema.optional(),
    region: regionSchema.optional(),
    product: productKeySchema.optional(),
    /** The release re-planned: its own windows are left out of the count. */
    releaseId: z.uuid({ message: "releaseId is a release's id." }).optional(),
    horizonDays: z
      .number({ message: "horizonDays is a number of calendar days." })
      .int("horizonDays is a whole number of days.")
      .min(1, "Search at least 1 day ahead.")
      .max(MAX_HORIZON_DAYS, `Search at most ${MAX_HORIZON_DAYS} days ahead.`)
      .default(MAX_HORIZON_DAYS),
    count: z
      .number({ message: "count is a number of go-lives." })
      .int("count is a whole number.")
      .min(1, "Ask for at least 1 go-live.")
      .max(MAX_CANDIDATES, `Ask for at most ${MAX_CANDIDATES} go-lives.`)
      .default(3),
  })
  .refine((body) => (body.goLive === undefined) !== (body.start === undefined), {
    message: "Give either goLive (the wished go-live) or start (the wished DEV start), not both.",
    path: ["goLive"],
  });

export type PlanSearchRequest = z.infer<typeof planSearchSchema>;

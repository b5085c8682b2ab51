import { z } from "zod";

import { isoDateSchema } from "./common";

export const regionSchema = z
  .string()
  .trim()
  .min(2, "Give a holiday region such as DE-BW.")
  .max(16)
  .transform((value) => value.toUpperCase());

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

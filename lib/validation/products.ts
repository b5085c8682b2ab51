import { z } from "zod";

import { PRODUCT_KEY_PATTERN } from "@/lib/domain/products";
import { MAX_TRAIN_BATCH } from "@/lib/domain/train-batch";

import { isoDateSchema, regionSchema } from "./common";

export const productKeySchema = z
  .string({ message: "Give the product a key." })
  .trim()
  .min(1, "Give the product a key.")
  .max(64, "Keep the key under 64 characters.")
  .regex(PRODUCT_KEY_PATTERN, "Use lowercase letters, digits and dashes, as in payments-api.");

const productNameSchema = z
  .string({ message: "Give the product a name." })
  .trim()
  .min(1, "Give the product a name.")
  .max(120, "Keep the name under 120 characters.");

const productDescriptionSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.string().trim().max(2000, "Keep the description under 2000 characters.").nullable(),
);

const userIdsSchema = z
  .array(z.uuid("Each entry must be a user id."), { message: "Give a list of user ids." })
  .max(50, "At most 50 people.")
  .transform((ids) => [...new Set(ids)]);

/** POST /api/products */
export const productCreateSchema = z.strictObject({
  key: productKeySchema,
  name: productNameSchema,
  ownerIds: userIdsSchema.default([]),
  description: productDescriptionSchema.optional(),
});
export type ProductCreateInput = z.infer<typeof productCreateSchema>;

/** PATCH /api/products/{key}: the key stays (feeds and scripts name it). */
export const productUpdateSchema = z
  .strictObject({
    name: productNameSchema.optional(),
    ownerIds: userIdsSchema.optional(),
    description: productDescriptionSchema.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Give at least one of name, ownerIds, description.",
  });
export type ProductUpdateInput = z.infer<typeof productUpdateSchema>;

/** PUT /api/products/{key}/approvers/{STAGE}: the named approvers (empty = the role rule alone). */
export const approversSchema = z.strictObject({ userIds: userIdsSchema });

/** `product=a&product=b` or `product=a,b`: product keys to filter by. */
export const productListParam = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) =>
    (Array.isArray(raw) ? raw : [raw])
      .flatMap((item) => item.split(","))
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(productKeySchema).min(1).max(100));

/** PUT /api/products/{key}/train: the cadence, the first go-live and how releases are named. */
export const trainSchema = z.strictObject({
  rule: z
    .string({
      message: "Give the cadence as a recurrence rule, e.g. FREQ=WEEKLY;INTERVAL=4;BYDAY=TU.",
    })
    .trim()
    .min(5, "Give the cadence as a recurrence rule, e.g. FREQ=WEEKLY;INTERVAL=4;BYDAY=TU.")
    .max(500, "Keep the rule under 500 characters."),
  firstGoLive: isoDateSchema,
  namePattern: z
    .string({ message: "Give a naming pattern, e.g. Payments {year}.{n}." })
    .trim()
    .min(1, "Give a naming pattern, e.g. Payments {year}.{n}.")
    .max(100, "Keep the naming pattern under 100 characters.")
    .refine((pattern) => /\{n\}|\{date\}/.test(pattern), {
      message:
        "Name each release apart: put {n} (its number in the year) or {date} in the pattern.",
    }),
  versionPattern: z
    .string()
    .trim()
    .min(1)
    .max(100, "Keep the version pattern under 100 characters.")
    .refine((pattern) => /\{n\}|\{date\}/.test(pattern), {
      message: "Version each release apart: put {n} or {date} in the pattern.",
    })
    .optional(),
  region: regionSchema.optional(),
});
export type TrainInput = z.infer<typeof trainSchema>;

/** POST /api/products/{key}/train/preview and /plan: how many releases. */
export const trainBatchSchema = z.strictObject({
  count: z
    .number({ message: "count is a number of releases." })
    .int("count is a whole number.")
    .min(1, "Plan at least 1 release.")
    .max(MAX_TRAIN_BATCH, `Plan at most ${MAX_TRAIN_BATCH} releases at once.`),
});
export type TrainBatchInput = z.infer<typeof trainBatchSchema>;

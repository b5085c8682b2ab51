import { z } from "zod";

import { MAX_WINDOW_MINUTES, WINDOW_KINDS } from "@/lib/domain/deployment-windows";
import { STAGE_KEYS } from "@/lib/domain/stages";

import { isoDateSchema } from "./common";
import { productKeySchema } from "./products";
import { digestSchema, versionSchema } from "./releases";

const ENVIRONMENT_MESSAGE = "environment must be DEV, TEST, LAST, INT, PREPROD or PROD.";
export const environmentSchema = z.enum(STAGE_KEYS, { message: ENVIRONMENT_MESSAGE });

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** The most gate exceptions last: a bounded time, for an incident, never a standing pass. */
export const MAX_EXCEPTION_HOURS = 72;

const windowFields = {
  name: z
    .string({ message: "Give the window a name, e.g. Weekend freeze." })
    .trim()
    .min(1, "Give the window a name, e.g. Weekend freeze.")
    .max(120, "Keep the name under 120 characters."),
  kind: z.enum(WINDOW_KINDS, { message: "kind is ALLOW or DENY." }),
  environments: z
    .array(environmentSchema, { message: 'environments is a list such as ["PROD"].' })
    .min(1, "Name at least one environment.")
    .max(STAGE_KEYS.length)
    .transform((keys) => STAGE_KEYS.filter((key) => keys.includes(key))),
  products: z
    .array(productKeySchema, { message: "products is a list of product keys." })
    .max(100, "Name at most 100 products.")
    .transform((keys) => [...new Set(keys)]),
  rule: z
    .string({ message: "Give the recurrence as a rule, e.g. FREQ=WEEKLY;BYDAY=FR." })
    .trim()
    .min(5, "Give the recurrence as a rule, e.g. FREQ=WEEKLY;BYDAY=FR.")
    .max(500, "Keep the rule under 500 characters."),
  startTime: z
    .string({ message: "startTime is a time of day, HH:MM." })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "startTime is a time of day, HH:MM (00:00 to 23:59)."),
  durationMinutes: z
    .number({ message: "durationMinutes is a number of minutes." })
    .int("durationMinutes is a whole number of minutes.")
    .min(1, "A window lasts at least a minute.")
    .max(MAX_WINDOW_MINUTES, "A window lasts at most a year."),
  startsOn: isoDateSchema,
};

/** POST /api/windows. `startsOn` defaults to today (company calendar). */
export const windowSchema = z.strictObject({
  ...windowFields,
  products: windowFields.products.default([]),
  startsOn: windowFields.startsOn.optional(),
});
export type WindowInput = z.infer<typeof windowSchema>;

/** PATCH /api/windows/{id}: any of the fields. */
export const windowPatchSchema = z
  .strictObject({
    name: windowFields.name.optional(),
    kind: windowFields.kind.optional(),
    environments: windowFields.environments.optional(),
    products: windowFields.products.optional(),
    rule: windowFields.rule.optional(),
    startTime: windowFields.startTime.optional(),
    durationMinutes: windowFields.durationMinutes.optional(),
    startsOn: windowFields.startsOn.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: "Change at least one field." });
export type WindowPatch = z.infer<typeof windowPatchSchema>;

const booleanParam = z
  .enum(["true", "false", "1", "0"], { message: "enforce is true or false." })
  .transform((value) => value === "true" || value === "1");

/** GET /api/gate: the environment, and the version or the release's id. */
export const gateQuerySchema = z
  .object({
    environment: environmentSchema,
    version: z.preprocess(blankToUndefined, versionSchema.optional()),
    releaseId: z.preprocess(blankToUndefined, z.uuid("releaseId is a release's id.").optional()),
    digest: z.preprocess(blankToUndefined, digestSchema.unwrap().optional()),
    enforce: booleanParam.optional(),
  })
  .refine((query) => query.version !== undefined || query.releaseId !== undefined, {
    message: "Name the release: give version or releaseId.",
    path: ["version"],
  });
export type GateQuery = z.infer<typeof gateQuerySchema>;

const instantSchema = (name: string) =>
  z.iso.datetime({
    offset: true,
    message: `${name} is an ISO instant, e.g. 2027-03-02T09:30:00Z.`,
  });

/** POST /api/releases/{id}/exceptions. */
export const exceptionSchema = z
  .strictObject({
    environment: environmentSchema,
    from: instantSchema("from"),
    to: instantSchema("to"),
    reason: z
      .string({ message: "Give a reason, e.g. the incident it fixes." })
      .trim()
      .min(5, "Give a reason, e.g. the incident it fixes.")
      .max(2000, "Keep the reason under 2000 characters."),
  })
  .refine((input) => Date.parse(input.to) > Date.parse(input.from), {
    message: "to must be after from.",
    path: ["to"],
  });
export type ExceptionInput = z.infer<typeof exceptionSchema>;

/** POST /api/exceptions/{id}/approve|refuse: an optional comment. */
export const exceptionDecisionSchema = z.strictObject({
  comment: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()),
});

export const EXCEPTION_STATES = ["REQUESTED", "APPROVED", "REFUSED", "EXPIRED"] as const;

/** GET /api/exceptions?state=REQUESTED (any state when absent). */
export const exceptionQuerySchema = z.object({
  state: z
    .enum(EXCEPTION_STATES, { message: "state is REQUESTED, APPROVED, REFUSED or EXPIRED." })
    .optional(),
});

export const EXPORT_FORMATS = ["argocd", "gitlab", "ics"] as const;

/** GET /api/windows/export?format=argocd&environment=PROD[&product=key]. */
export const windowExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { message: "format is argocd, gitlab or ics." }),
  environment: environmentSchema,
  product: z.preprocess(blankToUndefined, productKeySchema.optional()),
});
export type WindowExportQuery = z.infer<typeof windowExportQuerySchema>;

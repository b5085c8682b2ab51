import { z } from "zod";

import { SIGNAL_SEVERITIES } from "@/lib/domain/signals";
import { STAGE_KEYS } from "@/lib/domain/stages";

import { pageQuery } from "./common";
import { productKeySchema } from "./products";

const instant = (field: string) =>
  z.iso.datetime({
    offset: true,
    message: `${field} is an RFC 3339 time, e.g. 2027-03-03T10:00:00Z.`,
  });

/** Label and annotation maps: names to text. Any label is welcome; none is an error. */
const textMap = z.record(z.string(), z.string(), {
  message: "a map of names to text values",
});

/**
 * One alert of Alertmanager's webhook (version 4). Fields it does not know are ignored; a firing
 * alert's `endsAt` may be "0001-01-01T00:00:00Z".
 */
const alertSchema = z.object({
  status: z.enum(["firing", "resolved"], { message: 'status is "firing" or "resolved".' }),
  labels: textMap,
  annotations: textMap.optional(),
  startsAt: instant("startsAt"),
  endsAt: z
    .string()
    .refine((value) => value.startsWith("0001-") || !Number.isNaN(Date.parse(value)), {
      message: "endsAt is an RFC 3339 time.",
    })
    .optional(),
  generatorURL: z.string().max(4000).optional(),
  fingerprint: z.string().min(1).max(128).optional(),
});
export type AlertInput = z.infer<typeof alertSchema>;

/** POST /api/signals/alertmanager: the count of alerts is checked by the route (413, not 400). */
export const alertmanagerPayloadSchema = z.object({
  version: z.string().optional(),
  status: z.enum(["firing", "resolved"], { message: 'status is "firing" or "resolved".' }),
  alerts: z.array(alertSchema, { message: "alerts is the list of alerts." }),
  truncatedAlerts: z.number().optional(),
});

/** POST /api/signals: a monitoring tool's own signal. */
export const genericSignalSchema = z
  .strictObject({
    product: productKeySchema,
    environment: z
      .string({ message: "environment is DEV, TEST, LAST, INT, PREPROD or PROD." })
      .transform((value) => value.toUpperCase())
      .pipe(
        z.enum(STAGE_KEYS, { message: "environment is DEV, TEST, LAST, INT, PREPROD or PROD." }),
      ),
    severity: z.enum(SIGNAL_SEVERITIES, { message: "severity is critical, warning or info." }),
    summary: z
      .string()
      .trim()
      .min(1, "Say what fired.")
      .max(500, "Keep the summary under 500 characters."),
    startsAt: instant("startsAt"),
    endsAt: instant("endsAt").optional(),
    url: z
      .url({ protocol: /^https?$/, message: "url is an http(s) address." })
      .max(2000)
      .optional(),
    fingerprint: z.string().trim().min(1).max(128).optional(),
  })
  .refine((signal) => !signal.endsAt || Date.parse(signal.endsAt) >= Date.parse(signal.startsAt), {
    message: "endsAt is on or after startsAt.",
    path: ["endsAt"],
  });
export type GenericSignalInput = z.infer<typeof genericSignalSchema>;

/** GET /api/signals?matched=false */
export const signalsQuerySchema = z.object({
  matched: z.enum(["true", "false"], { message: "matched is true or false." }).optional(),
  ...pageQuery,
});

const labelName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "A label name is letters, digits and underscores.")
  .max(100);

/** PUT /api/products/{key}/signal-matching */
export const signalMatchingSchema = z.strictObject({
  productLabels: z.array(labelName).min(1, "Name at least one product label.").max(20),
  environmentLabels: z.array(labelName).min(1, "Name at least one environment label.").max(20),
  environmentValues: z
    .record(
      z.string().trim().min(1).max(100),
      z.enum(STAGE_KEYS, { message: "Each value maps to DEV, TEST, LAST, INT, PREPROD or PROD." }),
    )
    .transform((values) =>
      Object.fromEntries(
        Object.entries(values).map(([value, stage]) => [value.toLowerCase(), stage]),
      ),
    ),
  severities: z
    .array(z.string().trim().toLowerCase().min(1).max(40))
    .min(1, "Name at least one severity that counts.")
    .max(20),
});

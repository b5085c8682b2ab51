import { z } from "zod";

import { isKnownRegion } from "@/lib/domain/holidays";
import { RECURRENCES } from "@/lib/domain/periods";
import { CALENDAR_PERIOD_KINDS } from "@/lib/domain/settings";
import { APPROVER_ROLES, STAGE_KEYS } from "@/lib/domain/stages";

import { isoDateSchema } from "./common";
import { productKeySchema } from "./products";

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

export const stageSettingSchema = z.object({
  key: z.enum(STAGE_KEYS),
  workingDays: wholeNumber("Working days", 1, 60),
  approvalsRequired: wholeNumber("Approvals", 1, 10),
  allowedRoles: z
    .array(z.enum(APPROVER_ROLES))
    .min(1, "Choose at least one role that may sign off."),
});

export const stageSettingsSchema = z
  .object({ stages: z.array(stageSettingSchema).length(STAGE_KEYS.length) })
  .refine((input) => STAGE_KEYS.every((key) => input.stages.some((stage) => stage.key === key)), {
    message: "Give the settings of every stage exactly once.",
    path: ["stages"],
  });

export type StageSettingsInput = z.infer<typeof stageSettingsSchema>;

const regionOrEmpty = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => value || null)
  .refine((value) => value === null || isKnownRegion(value), {
    message: "Unknown holiday region.",
  });

export const calendarPeriodSchema = z
  .object({
    kind: z.enum(CALENDAR_PERIOD_KINDS),
    name: z
      .string()
      .trim()
      .min(1, "Give the period a name.")
      .max(120, "Keep the name under 120 characters."),
    start: isoDateSchema,
    end: isoDateSchema,
    region: regionOrEmpty.nullable().default(null),
    recurrence: z.enum(RECURRENCES),
  })
  .refine((period) => period.recurrence === "YEARLY" || period.start <= period.end, {
    message: "The last day must not be before the first day.",
    path: ["end"],
  })
  .refine((period) => Date.parse(period.end) - Date.parse(period.start) < 366 * 86_400_000, {
    message: "A period may last at most a year.",
    path: ["end"],
  });

export type CalendarPeriodInput = z.infer<typeof calendarPeriodSchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const capacitySchema = z
  .union([z.literal(""), z.null(), z.coerce.number()])
  .transform((value) => (value === "" || value === null ? null : value))
  .pipe(
    z
      .number({ message: "Capacity must be a number." })
      .int("Capacity must be a whole number.")
      .min(1, "Capacity must be at least 1 (leave it empty for unlimited).")
      .max(50, "Capacity must be at most 50.")
      .nullable(),
  );

export const generalSettingsSchema = z.object({
  defaultRegion: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isKnownRegion, { message: "Unknown holiday region." }),
  companyTimeZone: z.string().trim().refine(isTimeZone, { message: "Unknown time zone." }),
  observationWorkingDays: z.coerce
    .number({ message: "Give a number of working days." })
    .int("Give a whole number of working days.")
    .min(1, "Observe a live release for at least 1 working day.")
    .max(60, "At most 60 working days.")
    .optional(),
  defaultProduct: productKeySchema.optional(),
  capacity: z.object(
    Object.fromEntries(STAGE_KEYS.map((key) => [key, capacitySchema])) as Record<
      (typeof STAGE_KEYS)[number],
      typeof capacitySchema
    >,
  ),
});

export type GeneralSettingsInput = z.infer<typeof generalSettingsSchema>;

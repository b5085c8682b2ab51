"use server";
// Deployment windows (administrators) and exceptions to them (release managers ask, another person
// decides): each action is the guard (session, permission, zod) around the use case the API uses.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { wallAt } from "@/lib/domain/deployment-windows";
import { instantOf } from "@/lib/domain/wall-clock";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { decideException, requestException } from "@/lib/server/windows/exceptions";
import { createWindow, deleteWindow, updateWindow } from "@/lib/server/windows/windows";
import { isoDateSchema } from "@/lib/validation/common";
import {
  environmentSchema,
  exceptionSchema,
  MAX_EXCEPTION_HOURS,
  windowSchema,
} from "@/lib/validation/windows";

import { success } from "./answers";
import { formText as text } from "./form-fields";
import { commandAction, formAction } from "./guard";

function revalidateWindows(releaseId?: string) {
  for (const path of ["/admin/windows", "/calendar", "/environments"]) revalidatePath(path);
  if (releaseId) revalidatePath(`/releases/${releaseId}`);
}

const wholeNumber = (name: string) =>
  z.coerce
    .number({ message: `${name} is a number.` })
    .int(`${name} is a whole number.`)
    .min(0);

export const saveWindowAction = formAction({
  permission: "settings.manage",
  parse: (form) => {
    const { hours, minutes } = z
      .object({ hours: wholeNumber("Hours"), minutes: wholeNumber("Minutes").max(59) })
      .parse({ hours: text(form, "hours") || "0", minutes: text(form, "minutes") || "0" });
    return {
      id: text(form, "id") || undefined,
      window: windowSchema.parse({
        name: text(form, "name"),
        kind: text(form, "kind"),
        environments: form.getAll("environments"),
        products: form.getAll("products").filter((key) => key !== ""),
        rule: text(form, "rule"),
        startTime: text(form, "startTime"),
        durationMinutes: hours * 60 + minutes,
        startsOn: text(form, "startsOn") || undefined,
      }),
    };
  },
  run: async (admin, { id, window }) => {
    if (id) await updateWindow(admin, id, window);
    else await createWindow(admin, window);
    revalidateWindows();
    return success(`'${window.name}' saved.`);
  },
});

export const removeWindowAction = formAction({
  permission: "settings.manage",
  parse: (form) => z.uuid().parse(text(form, "id")),
  run: async (admin, id) => {
    await deleteWindow(admin, id);
    revalidateWindows();
    return success("Window removed.");
  },
});

/** The release page's dialog: a start in company time and a number of hours. */
export const requestExceptionAction = formAction({
  permission: "exceptions.request",
  parse: (form) => {
    const fields = z
      .object({
        releaseId: z.uuid(),
        environment: environmentSchema,
        day: isoDateSchema,
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Give a time of day, HH:MM."),
        hours: z.coerce
          .number({ message: "Give the hours the exception needs." })
          .int("A whole number of hours.")
          .min(1, "At least one hour.")
          .max(MAX_EXCEPTION_HOURS, `At most ${MAX_EXCEPTION_HOURS} hours.`),
        reason: z.string(),
      })
      .parse({
        releaseId: text(form, "releaseId"),
        environment: text(form, "environment"),
        day: text(form, "day"),
        time: text(form, "time"),
        hours: text(form, "hours"),
        reason: text(form, "reason"),
      });
    return fields;
  },
  run: async (user, fields) => {
    const { companyTimeZone } = await getPlanningSettings();
    const from = instantOf(wallAt(fields.day, fields.time), companyTimeZone);
    const input = exceptionSchema.parse({
      environment: fields.environment,
      from: new Date(from).toISOString(),
      to: new Date(from + fields.hours * 3_600_000).toISOString(),
      reason: fields.reason,
    });
    await requestException(user, fields.releaseId, input);
    revalidateWindows(fields.releaseId);
    return success("Exception asked for: an administrator or another release manager decides it.");
  },
});

const decisionSchema = z.object({
  exceptionId: z.uuid(),
  releaseId: z.uuid().optional(),
  decision: z.enum(["APPROVED", "REFUSED"]),
  comment: z.string().trim().max(2000).optional(),
});

export const decideExceptionAction = commandAction({
  permission: "exceptions.decide",
  parse: (raw: unknown) => decisionSchema.parse(raw),
  run: async (user, { exceptionId, releaseId, decision, comment }) => {
    await decideException(user, exceptionId, decision, comment);
    revalidateWindows(releaseId);
    return success(decision === "APPROVED" ? "Exception approved." : "Exception refused.");
  },
});

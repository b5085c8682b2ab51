"use server";
// The administration forms: each is the guard (session, settings.manage, zod) around one use case.
import "server-only";

import { revalidatePath } from "next/cache";

import { STAGE_KEYS } from "@/lib/domain/stages";
import {
  createCalendarPeriod,
  deleteCalendarPeriod,
  updateCalendarPeriod,
  updateGeneralSettings,
  updateStageSettings,
} from "@/lib/server/settings/update-settings";
import {
  calendarPeriodSchema,
  generalSettingsSchema,
  stageSettingsSchema,
} from "@/lib/validation/settings";

import { success } from "./answers";
import { formAction } from "./guard";

function revalidatePlanning() {
  for (const path of ["/admin", "/plan", "/releases"]) revalidatePath(path, "layout");
}

export const saveStageSettings = formAction({
  permission: "settings.manage",
  parse: (form) =>
    stageSettingsSchema.parse({
      stages: STAGE_KEYS.map((key) => ({
        key,
        workingDays: form.get(`${key}.workingDays`),
        approvalsRequired: form.get(`${key}.approvalsRequired`),
        allowedRoles: form.getAll(`${key}.allowedRoles`),
      })),
    }),
  run: async (admin, input) => {
    await updateStageSettings(admin, input);
    revalidatePlanning();
    return success(
      "Stage settings saved. New plans and re-plans use them; existing plans keep theirs.",
    );
  },
});

export const saveCalendarPeriod = formAction({
  permission: "settings.manage",
  parse: (form) => {
    const id = form.get("id");
    return {
      id: typeof id === "string" && id ? id : undefined,
      period: calendarPeriodSchema.parse({
        kind: form.get("kind"),
        name: form.get("name"),
        start: form.get("start"),
        end: form.get("end"),
        region: form.get("region") ?? "",
        recurrence: form.get("yearly") === "on" ? "YEARLY" : "ONE_OFF",
      }),
    };
  },
  run: async (admin, { id, period }) => {
    if (id) await updateCalendarPeriod(admin, id, period);
    else await createCalendarPeriod(admin, period);
    revalidatePlanning();
    return success(`'${period.name}' saved.`);
  },
});

export const removeCalendarPeriod = formAction({
  permission: "settings.manage",
  parse: (form) => String(form.get("id") ?? ""),
  run: async (admin, id) => {
    await deleteCalendarPeriod(admin, id);
    revalidatePlanning();
    return success("Period removed.");
  },
});

export const saveGeneralSettings = formAction({
  permission: "settings.manage",
  parse: (form) =>
    generalSettingsSchema.parse({
      defaultRegion: form.get("defaultRegion"),
      companyTimeZone: form.get("companyTimeZone"),
      observationWorkingDays: form.get("observationWorkingDays") ?? undefined,
      defaultProduct: form.get("defaultProduct") ?? undefined,
      capacity: Object.fromEntries(
        STAGE_KEYS.map((key) => [key, form.get(`capacity.${key}`) ?? ""]),
      ),
    }),
  run: async (admin, input) => {
    await updateGeneralSettings(admin, input);
    revalidatePlanning();
    return success("Settings saved.");
  },
});

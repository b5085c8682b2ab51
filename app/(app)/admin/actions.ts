"use server";

import { revalidatePath } from "next/cache";

import type { ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { canAdminister } from "@/lib/permissions";
import { failure, success } from "@/lib/server/actions/action-state";
import {
  createCalendarPeriod,
  deleteCalendarPeriod,
  updateCalendarPeriod,
  updateGeneralSettings,
  updateStageSettings,
} from "@/lib/server/settings/update-settings";
import type { SessionUser } from "@/lib/server/users/session-user";
import {
  calendarPeriodSchema,
  generalSettingsSchema,
  stageSettingsSchema,
} from "@/lib/validation/settings";

/** Actions read the user from the session, never from their arguments. */
async function currentAdmin(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user)
    throw new AppError(
      "UNAUTHENTICATED",
      "UNAUTHENTICATED",
      "Your session has ended. Sign in again.",
    );
  if (!canAdminister(user.role))
    throw new AppError("FORBIDDEN", "FORBIDDEN", "Only administrators change settings.");
  return user;
}

function revalidatePlanning() {
  for (const path of ["/admin", "/plan", "/releases"]) revalidatePath(path, "layout");
}

export async function saveStageSettings(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const admin = await currentAdmin();
    const input = stageSettingsSchema.parse({
      stages: STAGE_KEYS.map((key) => ({
        key,
        workingDays: form.get(`${key}.workingDays`),
        approvalsRequired: form.get(`${key}.approvalsRequired`),
        allowedRoles: form.getAll(`${key}.allowedRoles`),
      })),
    });
    await updateStageSettings(admin, input);
    revalidatePlanning();
    return success(
      "Stage settings saved. New plans and re-plans use them; existing plans keep theirs.",
    );
  } catch (error) {
    return failure(error, form);
  }
}

function periodFrom(form: FormData) {
  return calendarPeriodSchema.parse({
    kind: form.get("kind"),
    name: form.get("name"),
    start: form.get("start"),
    end: form.get("end"),
    region: form.get("region") ?? "",
    recurrence: form.get("yearly") === "on" ? "YEARLY" : "ONE_OFF",
  });
}

export async function saveCalendarPeriod(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const admin = await currentAdmin();
    const input = periodFrom(form);
    const id = form.get("id");
    if (typeof id === "string" && id) await updateCalendarPeriod(admin, id, input);
    else await createCalendarPeriod(admin, input);
    revalidatePlanning();
    return success(`'${input.name}' saved.`);
  } catch (error) {
    return failure(error, form);
  }
}

export async function removeCalendarPeriod(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const admin = await currentAdmin();
    await deleteCalendarPeriod(admin, String(form.get("id") ?? ""));
    revalidatePlanning();
    return success("Period removed.");
  } catch (error) {
    return failure(error, form);
  }
}

export async function saveGeneralSettings(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const admin = await currentAdmin();
    const input = generalSettingsSchema.parse({
      defaultRegion: form.get("defaultRegion"),
      companyTimeZone: form.get("companyTimeZone"),
      capacity: Object.fromEntries(
        STAGE_KEYS.map((key) => [key, form.get(`capacity.${key}`) ?? ""]),
      ),
    });
    await updateGeneralSettings(admin, input);
    revalidatePlanning();
    return success("Settings saved.");
  } catch (error) {
    return failure(error, form);
  }
}

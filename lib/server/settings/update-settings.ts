// Admin use cases on the planning settings. Each change is one transaction with its audit event.
// Changing settings affects new plans and re-plans only: stage windows keep the duration and
// approvals they were planned with.
import "server-only";

import { isoToDate } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { productIdFor } from "@/lib/server/products/products";
import type { SessionUser } from "@/lib/types/user";
import type {
  CalendarPeriodInput,
  GeneralSettingsInput,
  StageSettingsInput,
} from "@/lib/validation/settings";

import { getPlanningSettings } from "./get-planning-settings";

function settingsEvent(actor: SessionUser, comment: string, before: unknown, after: unknown) {
  return {
    action: "SETTINGS_CHANGED" as const,
    actorId: actor.id,
    comment,
    before: toJsonInput(before),
    after: toJsonInput(after),
  };
}

export async function updateStageSettings(
  actor: SessionUser,
  input: StageSettingsInput,
): Promise<void> {
  assertCan(actor.role, "settings.manage");
  await getDb().$transaction(async (tx) => {
    const before = await tx.stageSetting.findMany({ orderBy: { key: "asc" } });
    for (const stage of input.stages) {
      const data = {
        workingDays: stage.workingDays,
        approvalsRequired: stage.approvalsRequired,
        allowedRoles: stage.allowedRoles,
      };
      await tx.stageSetting.upsert({
        where: { key: stage.key },
        create: { key: stage.key, ...data },
        update: data,
      });
    }
    const strip = (
      rows: {
        key: string;
        workingDays: number;
        approvalsRequired: number;
        allowedRoles: string[];
      }[],
    ) =>
      rows.map(({ key, workingDays, approvalsRequired, allowedRoles }) => ({
        key,
        workingDays,
        approvalsRequired,
        allowedRoles,
      }));
    await tx.auditEvent.create({
      data: settingsEvent(actor, "Stage settings changed", strip(before), strip(input.stages)),
    });
  });
}

function periodData(input: CalendarPeriodInput) {
  return {
    kind: input.kind,
    name: input.name,
    startDate: isoToDate(input.start),
    endDate: isoToDate(input.end),
    region: input.region,
    recurrence: input.recurrence,
  };
}

function describePeriodKind(kind: CalendarPeriodInput["kind"]): string {
  return kind === "FREEZE" ? "Freeze window" : "Non-working period";
}

export async function createCalendarPeriod(
  actor: SessionUser,
  input: CalendarPeriodInput,
): Promise<string> {
  assertCan(actor.role, "settings.manage");
  return getDb().$transaction(async (tx) => {
    const created = await tx.calendarPeriod.create({ data: periodData(input) });
    await tx.auditEvent.create({
      data: settingsEvent(
        actor,
        `${describePeriodKind(input.kind)} '${input.name}' added`,
        null,
        input,
      ),
    });
    return created.id;
  });
}

async function findPeriod(tx: DbTransaction, id: string) {
  const period = await tx.calendarPeriod.findUnique({ where: { id } });
  if (!period)
    throw new AppError("NOT_FOUND", "NOT_FOUND", "This period does not exist (any more).");
  return period;
}

export async function updateCalendarPeriod(
  actor: SessionUser,
  id: string,
  input: CalendarPeriodInput,
): Promise<void> {
  assertCan(actor.role, "settings.manage");
  await getDb().$transaction(async (tx) => {
    const before = await findPeriod(tx, id);
    await tx.calendarPeriod.update({ where: { id }, data: periodData(input) });
    await tx.auditEvent.create({
      data: settingsEvent(
        actor,
        `${describePeriodKind(input.kind)} '${input.name}' changed`,
        before,
        input,
      ),
    });
  });
}

export async function deleteCalendarPeriod(actor: SessionUser, id: string): Promise<void> {
  assertCan(actor.role, "settings.manage");
  await getDb().$transaction(async (tx) => {
    const before = await findPeriod(tx, id);
    await tx.calendarPeriod.delete({ where: { id } });
    await tx.auditEvent.create({
      data: settingsEvent(
        actor,
        `${describePeriodKind(before.kind)} '${before.name}' removed`,
        before,
        null,
      ),
    });
  });
}

export async function updateGeneralSettings(
  actor: SessionUser,
  input: GeneralSettingsInput,
): Promise<void> {
  assertCan(actor.role, "settings.manage");
  await getDb().$transaction(async (tx) => {
    const before = await getPlanningSettings(tx);
    const defaultProductId = input.defaultProduct
      ? await productIdFor(input.defaultProduct, tx)
      : undefined;
    const app = {
      defaultRegion: input.defaultRegion,
      companyTimeZone: input.companyTimeZone,
      ...(input.observationWorkingDays && {
        observationWorkingDays: input.observationWorkingDays,
      }),
      ...(defaultProductId && { defaultProductId }),
    };
    await tx.appSettings.upsert({ where: { id: 1 }, create: { id: 1, ...app }, update: app });
    for (const [key, capacity] of Object.entries(input.capacity) as [
      keyof typeof input.capacity,
      number | null,
    ][]) {
      await tx.environmentSetting.upsert({
        where: { key },
        create: { key, capacity },
        update: { capacity },
      });
    }
    await tx.auditEvent.create({
      data: settingsEvent(
        actor,
        "General settings changed",
        {
          defaultRegion: before.defaultRegion,
          companyTimeZone: before.companyTimeZone,
          observationWorkingDays: before.observationWorkingDays,
          capacity: before.capacity,
        },
        input,
      ),
    });
  });
}

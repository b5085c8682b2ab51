import "server-only";

import { dateToIso } from "@/lib/domain/dates";
import { DEFAULT_PLANNING_SETTINGS, type PlanningSettings } from "@/lib/domain/settings";
import type { StageKey, StageRule } from "@/lib/domain/stages";
import { type DbTransaction, getDb } from "@/lib/server/db/client";

/** The planning settings as stored; defaults fill anything missing (migrations insert them). */
export async function getPlanningSettings(db: DbTransaction = getDb()): Promise<PlanningSettings> {
  const [stageRows, periodRows, environmentRows, app] = await Promise.all([
    db.stageSetting.findMany(),
    db.calendarPeriod.findMany({ orderBy: [{ startDate: "asc" }, { name: "asc" }] }),
    db.environmentSetting.findMany(),
    db.appSettings.findUnique({ where: { id: 1 } }),
  ]);
  const durations = { ...DEFAULT_PLANNING_SETTINGS.durations };
  const stageRules: Record<StageKey, StageRule> = { ...DEFAULT_PLANNING_SETTINGS.stageRules };
  for (const row of stageRows) {
    durations[row.key] = row.workingDays;
    stageRules[row.key] = {
      approvalsRequired: row.approvalsRequired,
      allowedRoles: row.allowedRoles,
    };
  }
  const capacity = { ...DEFAULT_PLANNING_SETTINGS.capacity };
  for (const row of environmentRows) capacity[row.key] = row.capacity;
  return {
    durations,
    stageRules,
    capacity,
    periods: periodRows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      start: dateToIso(row.startDate),
      end: dateToIso(row.endDate),
      region: row.region,
      recurrence: row.recurrence,
    })),
    defaultRegion: app?.defaultRegion ?? DEFAULT_PLANNING_SETTINGS.defaultRegion,
    companyTimeZone: app?.companyTimeZone ?? DEFAULT_PLANNING_SETTINGS.companyTimeZone,
    observationWorkingDays:
      app?.observationWorkingDays ?? DEFAULT_PLANNING_SETTINGS.observationWorkingDays,
  };
}

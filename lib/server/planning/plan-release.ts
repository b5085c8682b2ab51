import "server-only";

import {
  conflictsOfCandidate,
  type EnvironmentConflict,
  occupanciesOf,
  type Occupancy,
} from "@/lib/domain/conflicts";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { type Plan, planBackward, planForward } from "@/lib/domain/planner";
import { UNDER_WAY_STATUSES } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { PlanRequest } from "@/lib/validation/plan";

export type PlanResult = Plan & { conflicts: EnvironmentConflict[] };

export const CANDIDATE_ID = "candidate";

/** Plans without writing anything: the stage windows, notes, and environment conflicts it would cause. */
export async function planRelease(
  request: PlanRequest,
  knownSettings?: PlanningSettings,
): Promise<PlanResult> {
  const settings = knownSettings ?? (await getPlanningSettings());
  const region = request.region ?? settings.defaultRegion;
  assertKnownRegion(region);
  const calendar = calendarFor(region, settings.periods);
  const plan = request.goLive
    ? planBackward(request.goLive, settings.durations, calendar)
    : planForward(request.start!, settings.durations, calendar);
  const candidate = occupanciesOf({ id: CANDIDATE_ID, name: "This plan" }, plan.stages);
  const others = await occupanciesBetween(plan.start, plan.stages.at(-1)!.end, settings);
  return { ...plan, conflicts: conflictsOfCandidate(candidate, others, settings.capacity) };
}

/** Where releases still under way stand in capacity-limited environments between two dates. */
export async function occupanciesBetween(
  from: string,
  to: string,
  settings: PlanningSettings,
): Promise<Occupancy[]> {
  const limited = STAGE_KEYS.filter((key) => settings.capacity[key] !== null);
  if (limited.length === 0) return [];
  const windows = await getDb().stageWindow.findMany({
    where: {
      key: { in: limited },
      plannedStart: { lte: isoToDate(to) },
      plannedEnd: { gte: isoToDate(from) },
      release: { status: { in: [...UNDER_WAY_STATUSES] } },
    },
    select: {
      key: true,
      plannedStart: true,
      plannedEnd: true,
      release: { select: { id: true, name: true } },
    },
  });
  return windows.map((window) => ({
    releaseId: window.release.id,
    releaseName: window.release.name,
    environment: window.key,
    start: dateToIso(window.plannedStart),
    end: dateToIso(window.plannedEnd),
  }));
}

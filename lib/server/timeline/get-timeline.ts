import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { observationEndOf } from "@/lib/domain/after-go-live";
import { dateToIso, type IsoDate, maxDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { forecastOf, isAtRiskNow, slipInWorkingDays, wentLiveOn } from "@/lib/domain/progress";
import { isCancelled } from "@/lib/domain/release-status";
import { followGoLive } from "@/lib/domain/rollout";
import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import { dayInfos } from "@/lib/server/planning/describe-days";
import { viewWhere } from "@/lib/server/releases/list-releases";
import {
  releaseSummarySelect,
  stageDatesSelect,
  toStageDates,
} from "@/lib/server/releases/selects";
import type { TimelineRow, TimelineStage } from "@/lib/types/views";
import type { ReleaseListQuery } from "@/lib/validation/releases";

export const timelineSelect = {
  ...releaseSummarySelect,
  originalGoLive: true,
  outcome: true,
  rolloutGoLive: true,
  deploymentFlags: true,
  rolloutSteps: {
    orderBy: { position: "asc" },
    select: { position: true, date: true, percent: true, label: true, doneAt: true },
  },
  parentId: true,
  parent: { select: { name: true } },
  stages: stageDatesSelect,
} satisfies Prisma.ReleaseSelect;

export type TimelineRecord = Prisma.ReleaseGetPayload<{ select: typeof timelineSelect }>;

/** A release as the timeline, the calendar and the environments view draw it. */
export function toTimelineRow(
  record: TimelineRecord,
  today: IsoDate,
  settings: PlanningSettings,
): Omit<TimelineRow, "depth"> {
  const calendar = calendarFor(record.region, settings.periods);
  const planned = record.stages.map(toStageDates);
  // Bars show the honest forecast: what happened, else the plan pushed by an overdue stage.
  const forecast = forecastOf({ status: record.status, stages: planned }, today, calendar);
  const stages: TimelineStage[] = planned.map((stage, index) => {
    const { start, end } = forecast.stages[index]!;
    return { ...stage, start, end: maxDate(end, start) };
  });
  const baselineGoLive = dateToIso(record.baselineGoLive);
  const forecastGoLive = forecast.goLive;
  const liveOn = record.status === "LIVE" ? wentLiveOn(planned.at(-1)!) : null;
  return {
    id: record.id,
    name: record.name,
    version: record.version,
    type: record.type,
    status: record.status,
    region: record.region,
    product: record.product,
    parentId: record.parentId,
    parentName: record.parent?.name ?? null,
    originalGoLive: dateToIso(record.originalGoLive),
    baselineGoLive,
    forecastGoLive,
    slipWorkingDays: slipInWorkingDays(baselineGoLive, forecastGoLive, calendar),
    atRisk: isAtRiskNow(record.status, baselineGoLive, forecast),
    overdueStage: forecast.overdueStage,
    rolloutSteps: followGoLive(
      record.rolloutSteps.map((step) => ({
        position: step.position,
        date: dateToIso(step.date),
        percent: step.percent,
        label: step.label,
        done: step.doneAt !== null,
      })),
      record.rolloutGoLive && dateToIso(record.rolloutGoLive),
      liveOn ?? forecastGoLive,
      calendar,
    ),
    afterGoLive: liveOn
      ? {
          liveOn,
          observationEnd: observationEndOf(liveOn, settings.observationWorkingDays, calendar),
          outcome: record.outcome,
        }
      : null,
    isRejected: !isCancelled(record.status) && stages.some((stage) => stage.status === "REJECTED"),
    deploymentFlags: record.deploymentFlags,
    stages,
  };
}

/** Releases under their go-live order, each followed by its patches shown in the same view. */
function groupPatches(rows: Omit<TimelineRow, "depth">[]): TimelineRow[] {
  const ids = new Set(rows.map((row) => row.id));
  const patchesOf = new Map<string, Omit<TimelineRow, "depth">[]>();
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId))
      patchesOf.set(row.parentId, [...(patchesOf.get(row.parentId) ?? []), row]);
  }
  const grouped: TimelineRow[] = [];
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId)) continue;
    grouped.push({ ...row, depth: 0 });
    for (const patch of patchesOf.get(row.id) ?? []) grouped.push({ ...patch, depth: 1 });
  }
  return grouped;
}

/** Whether any of a row's stages, as forecast, lies in the view. */
export function overlapsView(
  row: Pick<TimelineRow, "stages">,
  range: { start: IsoDate; end: IsoDate },
): boolean {
  return row.stages.some((stage) => stage.start <= range.end && stage.end >= range.start);
}

/** The rows of the timeline for a view, plus the company calendar (default region) to shade it. */
export async function getTimeline(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  today: IsoDate,
): Promise<{ rows: TimelineRow[]; days: DayInfo[] }> {
  const records = await getDb().release.findMany({
    where: viewWhere(query, range, today),
    select: timelineSelect,
  });
  const rows = records
    .map((record) => toTimelineRow(record, today, settings))
    .filter((row) => overlapsView(row, range))
    .sort(
      (a, b) => a.forecastGoLive.localeCompare(b.forecastGoLive) || a.name.localeCompare(b.name),
    );
  const days = dayInfos(
    calendarFor(settings.defaultRegion, settings.periods),
    range.start,
    range.end,
  );
  return { rows: groupPatches(rows), days };
}

import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { dateToIso, type IsoDate, isoToDate, maxDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { forecastGoLiveOf, isAtRisk, slipInWorkingDays } from "@/lib/domain/progress";
import { isCancelled } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import { dayInfos } from "@/lib/server/planning/describe-days";
import { releaseWhere } from "@/lib/server/releases/list-releases";
import {
  releaseSummarySelect,
  stageDatesSelect,
  toStageDates,
} from "@/lib/server/releases/selects";
import type { TimelineRow, TimelineStage } from "@/lib/types/views";
import type { ReleaseListQuery } from "@/lib/validation/releases";

export const timelineSelect = {
  ...releaseSummarySelect,
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
  const stages: TimelineStage[] = record.stages.map((row) => {
    const stage = toStageDates(row);
    const start = stage.actualStart ?? stage.plannedStart;
    const isRunning = stage.status === "ACTIVE" || stage.status === "REJECTED";
    const plannedEnd = isRunning ? maxDate(stage.plannedEnd, today) : stage.plannedEnd;
    return { ...stage, start, end: stage.actualEnd ?? maxDate(plannedEnd, start) };
  });
  const baselineGoLive = dateToIso(record.baselineGoLive);
  const forecastGoLive = forecastGoLiveOf(stages);
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
    baselineGoLive,
    forecastGoLive,
    slipWorkingDays: slipInWorkingDays(
      baselineGoLive,
      forecastGoLive,
      calendarFor(record.region, settings.periods),
    ),
    atRisk: isAtRisk(record.status, baselineGoLive, forecastGoLive),
    isRejected: !isCancelled(record.status) && stages.some((stage) => stage.status === "REJECTED"),
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

/**
 * The releases a view from `range.start` to `range.end` shows: those whose planned stage windows
 * overlap it, and those with a stage still running (drawn up to today) when today is in the view.
 */
export function viewWhere(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Prisma.ReleaseWhereInput {
  const { stages: overlapping, ...filters } = releaseWhere({
    ...query,
    from: range.start,
    to: range.end,
  });
  if (today < range.start) return { ...filters, stages: overlapping };
  const running: Prisma.ReleaseWhereInput = {
    stages: {
      some: { status: { in: ["ACTIVE", "REJECTED"] }, actualStart: { lte: isoToDate(range.end) } },
    },
  };
  return { AND: [filters, { OR: [{ stages: overlapping }, running] }] };
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

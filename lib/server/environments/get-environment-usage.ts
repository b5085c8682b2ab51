import "server-only";

import { type EnvironmentConflict, findEnvironmentConflicts } from "@/lib/domain/conflicts";
import type { IsoDate } from "@/lib/domain/dates";
import { isCancelled } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import { getDb } from "@/lib/server/db/client";
import { freshViewWhere, viewWhere } from "@/lib/server/releases/list-releases";
import {
  getTimeline,
  readTimelineRecords,
  toTimelineRow,
} from "@/lib/server/timeline/get-timeline";
import type { EnvironmentStay, TimelineRow } from "@/lib/types/views";
import type { ReleaseListQuery } from "@/lib/validation/releases";

export type EnvironmentUsage = { stays: EnvironmentStay[]; conflicts: EnvironmentConflict[] };

/**
 * Which release occupies which environment between two dates, and where more releases share an
 * environment than it has room for. Cancelled releases hold nothing; live ones count for the days
 * they really spent there. Conflicts are computed over all releases, whatever a view filters; the
 * stays are those of the releases the filters (if any) keep.
 */
export async function getEnvironmentUsage(
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  today: IsoDate,
  query?: ReleaseListQuery,
): Promise<EnvironmentUsage> {
  const records = await readTimelineRecords({
    AND: [await freshViewWhere({}, range, today), { status: { not: "CANCELLED" } }],
  });
  const rows = records.map((record) => toTimelineRow(record, today, settings));
  const { stays, conflicts } = environmentUsageOf(rows, range, settings);
  if (!query || isUnfiltered(query)) {
    return { stays, conflicts };
  }
  const kept = await getDb().release.findMany({
    where: viewWhere(query, range, today),
    select: { id: true },
  });
  const ids = new Set(kept.map((release) => release.id));
  return {
    stays: stays.filter((stay) => ids.has(stay.releaseId)),
    conflicts: conflicts.filter((c) => c.releases.some((release) => ids.has(release.id))),
  };
}

const isUnfiltered = (query: ReleaseListQuery) =>
  Object.values(query).every((value) => value === undefined);

/** Who occupies which environment, from rows of the whole portfolio already drawn for the view. */
export function environmentUsageOf(
  rows: readonly Omit<TimelineRow, "depth">[],
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
): EnvironmentUsage {
  const stays: EnvironmentStay[] = [];
  for (const row of rows) {
    if (isCancelled(row.status)) continue; // a cancelled release holds nothing
    for (const stage of row.stages) {
      if (stage.end < range.start || stage.start > range.end) continue;
      stays.push({
        releaseId: row.id,
        releaseName: row.name,
        product: row.product,
        version: row.version,
        type: row.type,
        releaseStatus: row.status,
        environment: stage.key,
        stageStatus: stage.status,
        start: stage.start,
        end: stage.end,
      });
    }
  }
  stays.sort(
    (a, b) => a.start.localeCompare(b.start) || a.releaseName.localeCompare(b.releaseName),
  );
  const conflicts = findEnvironmentConflicts(stays, settings.capacity).filter(
    (conflict) => conflict.start <= range.end && conflict.end >= range.start,
  );
  return { stays, conflicts };
}

/**
 * A view's timeline rows and the environment usage of the whole portfolio. Without a filter the
 * rows are the whole portfolio in the view: the releases are read and forecast once, not twice.
 */
export async function getTimelineAndUsage(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  today: IsoDate,
): Promise<Awaited<ReturnType<typeof getTimeline>> & { usage: EnvironmentUsage }> {
  if (isUnfiltered(query)) {
    const timeline = await getTimeline(query, range, settings, today);
    return { ...timeline, usage: environmentUsageOf(timeline.rows, range, settings) };
  }
  const [timeline, usage] = await Promise.all([
    getTimeline(query, range, settings, today),
    getEnvironmentUsage(range, settings, today),
  ]);
  return { ...timeline, usage };
}

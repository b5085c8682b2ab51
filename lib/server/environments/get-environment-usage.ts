import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { type EnvironmentConflict, findEnvironmentConflicts } from "@/lib/domain/conflicts";
import { type IsoDate, maxDate } from "@/lib/domain/dates";
import { forecastOf } from "@/lib/domain/progress";
import type { StageDates } from "@/lib/domain/release";
import { isCancelled } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import {
  queryJsonRows,
  stageDatesJson,
  type StageDatesJson,
  toStageDatesFromJson,
} from "@/lib/server/db/json-rows";
import { viewWhere } from "@/lib/server/releases/list-releases";
import {
  refreshStoredForecasts,
  storedForecastMayReach,
} from "@/lib/server/releases/stored-forecast";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
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
  const rows = await readForecastOccupants(range, settings, today);
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

/** A release as the environments read it: what names it, and its stages as forecast. */
type Occupant = Pick<TimelineRow, "id" | "name" | "product" | "version" | "type" | "status"> & {
  stages: Pick<TimelineRow["stages"][number], "key" | "status" | "start" | "end">[];
};

/**
 * Every release not cancelled that may occupy an environment in the window, with its stages as
 * forecast today (the environments view, the plan search).
 */
export async function readForecastOccupants(
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  today: IsoDate,
): Promise<(Occupant & { region: string })[]> {
  const records = await readOccupants(range, today);
  return records.map((record) => {
    const forecast = forecastOf(record, today, calendarFor(record.region, settings.periods));
    const stages = record.stages.map((stage, index) => {
      const { start, end } = forecast.stages[index]!;
      return { key: stage.key, status: stage.status, start, end: maxDate(end, start) };
    });
    return { ...record, stages };
  });
}

/**
 * What the environments need of every release not cancelled that may occupy one in the window
 * (names, status, stage windows): a window of a large portfolio holds hundreds, read as JSON rows
 * in one statement on the stored forecasts (refreshed first) and forecast here.
 */
async function readOccupants(
  range: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Promise<(Omit<Occupant, "stages"> & { region: string; stages: StageDates[] })[]> {
  await refreshStoredForecasts(today);
  const rows = await queryJsonRows<
    Omit<Occupant, "stages"> & { region: string; stages: StageDatesJson[] }
  >(
    Prisma.sql`
    SELECT json_build_object(
      'id', r.id, 'name', r.name, 'version', r.version, 'type', r.type, 'status', r.status,
      'region', r.region, 'product', json_build_object('key', p.key, 'name', p.name),
      'stages', ${stageDatesJson("r")}) AS doc
    FROM releases r JOIN products p ON p.id = r.product_id
    WHERE r.status <> 'CANCELLED' AND ${storedForecastMayReach(range, today)}`,
  );
  return rows.map((row) => ({ ...row, stages: toStageDatesFromJson(row.stages) }));
}

const byName = new Intl.Collator();

/** Who occupies which environment, from rows of the whole portfolio already drawn for the view. */
export function environmentUsageOf(
  rows: readonly Occupant[],
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
    (a, b) => a.start.localeCompare(b.start) || byName.compare(a.releaseName, b.releaseName),
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

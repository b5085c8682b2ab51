import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { observationEndOf, type ReleaseOutcome } from "@/lib/domain/after-go-live";
import { type IsoDate, maxDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { cutRows, drawWhileBudgetLasts, groupRowLimit } from "@/lib/domain/dense";
import type { DeploymentFlag } from "@/lib/domain/deployments";
import { groupByProduct, type Grouping } from "@/lib/domain/grouping";
import {
  forecastOf,
  spanOf,
  isAtRiskNow,
  slipInWorkingDays,
  wentLiveOn,
} from "@/lib/domain/progress";
import type { ReleaseSummary, StageDates } from "@/lib/domain/release";
import { isCancelled } from "@/lib/domain/release-status";
import { followGoLive } from "@/lib/domain/rollout";
import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import {
  idList,
  queryJsonRows,
  stageDatesJson,
  type StageDatesJson,
  toStageDatesFromJson,
} from "@/lib/server/db/json-rows";
import { dayInfos } from "@/lib/server/planning/describe-days";
import { freshViewWhere } from "@/lib/server/releases/list-releases";
import {
  placeReleases,
  refreshStoredForecasts,
  storedForecastMayReach,
} from "@/lib/server/releases/stored-forecast";
import type { TimelineRow, TimelineStage, TimelineView } from "@/lib/types/views";
import type { ReleaseListQuery } from "@/lib/validation/releases";

/** A release as the timeline reads it: dates as ISO days (see `readTimelineRecords`). */
export type TimelineRecord = ReleaseSummary & {
  originalGoLive: IsoDate;
  outcome: ReleaseOutcome | null;
  signals: { critical: number; warning: number; firing: number };
  rolloutGoLive: IsoDate | null;
  deploymentFlags: DeploymentFlag[];
  promotion: TimelineRow["promotion"];
  rolloutSteps: TimelineRow["rolloutSteps"];
  parentId: string | null;
  parentName: string | null;
  stages: StageDates[];
};

/**
 * The releases a view's filter keeps, as timeline records: the ids through Prisma (the filter is
 * written once, in `viewWhere`), then the rows as JSON built by PostgreSQL.
 */
async function readTimelineRecords(where: Prisma.ReleaseWhereInput): Promise<TimelineRecord[]> {
  const ids = await getDb().release.findMany({ where, select: { id: true } });
  return readTimelineRecordsByIds(ids.map((row) => row.id));
}

/** Timeline records by id, as JSON built by PostgreSQL (Prisma's mapping of thousands is slow). */
async function readTimelineRecordsByIds(ids: readonly string[]): Promise<TimelineRecord[]> {
  if (ids.length === 0) return [];
  return readTimelineRecordsWhere(Prisma.sql`r.id = ANY(${idList(ids)})`);
}

/** Timeline records of the releases a condition on `r` keeps, in one statement. */
async function readTimelineRecordsWhere(where: Prisma.Sql): Promise<TimelineRecord[]> {
  const rows = await queryJsonRows<
    Omit<TimelineRecord, "stages"> & { stages: StageDatesJson[] }
  >(Prisma.sql`
    SELECT json_build_object(
      'id', r.id, 'name', r.name, 'version', r.version, 'type', r.type, 'status', r.status,
      'region', r.region, 'baselineGoLive', r.baseline_go_live,
      'product', json_build_object('key', p.key, 'name', p.name),
      'originalGoLive', r.original_go_live, 'outcome', r.outcome,
      'signals', json_build_object('critical', r.signals_critical,
        'warning', r.signals_warning, 'firing', r.signals_firing),
      'rolloutGoLive', r.rollout_go_live, 'deploymentFlags', r.deployment_flags,
      'parentId', r.parent_id,
      'promotion', (SELECT json_build_object(
          'environment', pr.environment, 'state', pr.state, 'error', pr.error)
        FROM promotions pr WHERE pr.release_id = r.id ORDER BY pr.created_at DESC LIMIT 1),
      'parentName', (SELECT parent.name FROM releases parent WHERE parent.id = r.parent_id),
      'rolloutSteps', coalesce((SELECT json_agg(json_build_object(
          'position', s.position, 'date', s.date, 'percent', s.percent, 'label', s.label,
          'done', s.done_at IS NOT NULL) ORDER BY s.position)
        FROM rollout_steps s WHERE s.release_id = r.id), '[]'),
      'stages', ${stageDatesJson("r")}) AS doc
    FROM releases r
    JOIN products p ON p.id = r.product_id
    WHERE ${where}`);
  return rows.map((row) => ({ ...row, stages: toStageDatesFromJson(row.stages) }));
}

/** A release as the timeline, the calendar and the environments view draw it. */
export function toTimelineRow(
  record: TimelineRecord,
  today: IsoDate,
  settings: PlanningSettings,
): Omit<TimelineRow, "depth"> {
  const calendar = calendarFor(record.region, settings.periods);
  const planned = record.stages;
  // Bars show the honest forecast: what happened, else the plan pushed by an overdue stage.
  const forecast = forecastOf({ status: record.status, stages: planned }, today, calendar);
  const stages: TimelineStage[] = planned.map((stage, index) => {
    const { start, end } = forecast.stages[index]!;
    return { ...stage, start, end: maxDate(end, start) };
  });
  const baselineGoLive = record.baselineGoLive;
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
    parentName: record.parentName,
    originalGoLive: record.originalGoLive,
    baselineGoLive,
    forecastGoLive,
    slipWorkingDays: slipInWorkingDays(baselineGoLive, forecastGoLive, calendar),
    atRisk: isAtRiskNow(record.status, baselineGoLive, forecast),
    overdueStage: forecast.overdueStage,
    rolloutSteps: followGoLive(
      record.rolloutSteps,
      record.rolloutGoLive,
      liveOn ?? forecastGoLive,
      calendar,
    ),
    afterGoLive: liveOn
      ? {
          liveOn,
          observationEnd: observationEndOf(liveOn, settings.observationWorkingDays, calendar),
          outcome: record.outcome,
          signals: record.signals,
        }
      : null,
    isRejected: !isCancelled(record.status) && stages.some((stage) => stage.status === "REJECTED"),
    deploymentFlags: record.deploymentFlags,
    promotion: record.promotion ?? null,
    stages,
  };
}

/** Releases under their go-live order, each followed by its patches shown in the same view. */
function groupPatches<Row extends { id: string; parentId: string | null }>(
  rows: readonly Row[],
): (Row & { depth: 0 | 1 })[] {
  const ids = new Set(rows.map((row) => row.id));
  const patchesOf = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId))
      patchesOf.set(row.parentId, [...(patchesOf.get(row.parentId) ?? []), row]);
  }
  const grouped: (Row & { depth: 0 | 1 })[] = [];
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId)) continue;
    grouped.push({ ...row, depth: 0 });
    for (const patch of patchesOf.get(row.id) ?? []) grouped.push({ ...patch, depth: 1 });
  }
  return grouped;
}

/**
 * Whether a row's stages, as forecast, reach into the view: from the first day of its first stage to
 * the last of its last (the stored forecast's span: between two stages a release is still on its way).
 */
export function overlapsView(
  row: Pick<TimelineRow, "stages">,
  range: { start: IsoDate; end: IsoDate },
): boolean {
  const { start, end } = spanOf(row.stages);
  return start <= range.end && end >= range.start;
}

const byGoLive = (
  a: { forecastGoLive: IsoDate; name: string },
  b: { forecastGoLive: IsoDate; name: string },
) => a.forecastGoLive.localeCompare(b.forecastGoLive) || a.name.localeCompare(b.name);

/** The rows of the timeline for a view, plus the company calendar (default region) to shade it. */
export async function getTimeline(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  today: IsoDate,
): Promise<{ rows: TimelineRow[]; days: DayInfo[] }> {
  // Unfiltered (the calendar's month): the window's candidates in the same statement.
  const records = Object.values(query).every((value) => value === undefined)
    ? await refreshStoredForecasts(today).then(() =>
        readTimelineRecordsWhere(storedForecastMayReach(range, today)),
      )
    : await readTimelineRecords(await freshViewWhere(query, range, today));
  const rows = records
    .map((record) => toTimelineRow(record, today, settings))
    .filter((row) => overlapsView(row, range))
    .sort(byGoLive);
  const days = dayInfos(
    calendarFor(settings.defaultRegion, settings.periods),
    range.start,
    range.end,
  );
  return { rows: groupPatches(rows), days };
}

/**
 * The timeline page: the releases in view ordered, grouped and cut on their stored forecast (name,
 * product, go-live, at risk: `placeReleases`), and only the rows drawn read whole. A year of a large
 * portfolio holds thousands of releases and the page draws sixty.
 */
export async function getTimelineView(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  today: IsoDate,
  options: { group: Grouping; rowLimit: number },
): Promise<TimelineView> {
  const where = await freshViewWhere(query, range, today);
  const inView = groupPatches(await placeReleases(where, range, today, settings.periods));
  const isPatch = (row: { depth: 0 | 1 }) => row.depth === 1;
  const grouped = options.group === "product" ? groupByProduct(inView, isPatch) : null;
  // Groups draw their first rows while twice the view's rows last; the groups after fold away
  // (each links to its product alone), so that fifty products never make a page of megabytes.
  const drawnGroups =
    grouped &&
    drawWhileBudgetLasts(
      grouped,
      (group) => cutRows(group.items, groupRowLimit(options.rowLimit, grouped.length), isPatch),
      (cut) => cut.shown.length,
      2 * options.rowLimit,
    );
  const cutGroups = grouped?.map((group, index) => ({
    product: group.product,
    count: group.items.length,
    atRisk: group.items.filter((row) => row.atRisk).length,
    ...(drawnGroups![index] ?? { shown: [], hidden: group.items.length }),
  }));
  const cutFlat = cutGroups ? null : cutRows(inView, options.rowLimit, isPatch);
  const drawn = cutGroups ? cutGroups.flatMap((group) => group.shown) : cutFlat!.shown;

  const whole = new Map(
    (await readTimelineRecordsByIds(drawn.map((row) => row.id))).map((record) => [
      record.id,
      toTimelineRow(record, today, settings),
    ]),
  );
  const draw = (rows: typeof drawn): TimelineRow[] =>
    rows.map((row) => ({ ...whole.get(row.id)!, depth: row.depth }));

  return {
    total: inView.length,
    groups: cutGroups?.map(({ shown, ...group }) => ({ ...group, shown: draw(shown) })) ?? null,
    flat: cutFlat && { shown: draw(cutFlat.shown), hidden: cutFlat.hidden },
    days: dayInfos(calendarFor(settings.defaultRegion, settings.periods), range.start, range.end),
  };
}

import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { dateToIso, type IsoDate, isoToDate } from "@/lib/domain/dates";
import { forecastOf, isAtRiskNow, spanOf } from "@/lib/domain/progress";
import { UNDER_WAY_STATUSES } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import type { ReleaseStatus } from "@/lib/domain/stages";
import { getDb } from "@/lib/server/db/client";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { ReleaseDto } from "@/lib/types/release";
import type { ReleaseListQuery } from "@/lib/validation/releases";
import type { ReleaseSort } from "@/lib/validation/view-filters";

import { releaseContext } from "./release-context";
import { toReleaseDto } from "./release-dto";
import { readReleaseRows } from "./release-rows";
import { stageDatesSelect, toStageDates } from "./selects";
import {
  freshForecastWhere,
  placeReleases,
  refreshStoredForecasts,
  staleForecastWhere,
} from "./stored-forecast";

/** The filter of the releases list, the timeline and the calendar (one query shape for all). */
export function releaseWhere(query: ReleaseListQuery): Prisma.ReleaseWhereInput {
  const where: Prisma.ReleaseWhereInput = {};
  if (query.type) where.type = query.type;
  if (query.status) where.status = { in: query.status };
  if (query.region) where.region = query.region;
  if (query.product) where.product = { key: { in: query.product } };
  if (query.q) {
    where.OR = [
      { name: { contains: query.q, mode: "insensitive" } },
      { version: { contains: query.q, mode: "insensitive" } },
    ];
  }
  if (query.from || query.to) {
    // A release lies in the range when any of its stage windows overlaps it.
    where.stages = {
      some: {
        ...(query.to && { plannedStart: { lte: isoToDate(query.to) } }),
        ...(query.from && { plannedEnd: { gte: isoToDate(query.from) } }),
      },
    };
  }
  return where;
}

/**
 * The releases a view from `range.start` to `range.end` may show: those whose stored forecast for
 * today reaches into it, and those whose stored forecast is stale (read and forecast anyway). The
 * rows are then kept where their forecast overlaps the view (`overlapsView`).
 */
export function viewWhere(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Prisma.ReleaseWhereInput {
  const filters = releaseWhere({ ...query, from: undefined, to: undefined });
  const reaches: Prisma.ReleaseWhereInput = {
    ...freshForecastWhere(today),
    forecastStart: { lte: isoToDate(range.end) },
    forecastEnd: { gte: isoToDate(range.start) },
  };
  return { AND: [filters, { OR: [reaches, staleForecastWhere(today)] }] };
}

/** `viewWhere` once the stored forecasts hold for today: few releases are then read as stale. */
export async function freshViewWhere(
  query: ReleaseListQuery,
  range: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Promise<Prisma.ReleaseWhereInput> {
  await refreshStoredForecasts(today);
  return viewWhere(query, range, today);
}

type ForecastRow = {
  id: string;
  name: string;
  status: ReleaseStatus;
  region: string;
  stages: Parameters<typeof toStageDates>[0][];
};

/**
 * The list's order and period rule on any rows that carry their stage dates: by forecast go-live
 * (then name), and with a period, only those whose stages as forecast today reach into it.
 */
function byForecast<Row extends ForecastRow>(
  rows: readonly Row[],
  context: ReturnType<typeof releaseContext>,
  period: { start: IsoDate; end: IsoDate } | undefined,
): Row[] {
  return rows
    .map((row) => ({
      row,
      forecast: forecastOf(
        { status: row.status, stages: row.stages.map(toStageDates) },
        context.today,
        context.calendarFor(row.region),
      ),
    }))
    .filter(({ forecast }) => {
      if (!period) return true;
      const { start, end } = spanOf(forecast.stages);
      return start <= period.end && end >= period.start;
    })
    .sort(
      (a, b) =>
        a.forecast.goLive.localeCompare(b.forecast.goLive) || a.row.name.localeCompare(b.row.name),
    )
    .map(({ row }) => row);
}

async function listScope(query: ReleaseListQuery, settings: PlanningSettings) {
  const context = releaseContext(settings);
  const isPeriod = query.from !== undefined || query.to !== undefined;
  const period = isPeriod
    ? { start: query.from ?? "0001-01-01", end: query.to ?? "9999-12-31" }
    : undefined;
  const where = period ? await freshViewWhere(query, period, context.today) : releaseWhere(query);
  return { context, period, where };
}

/**
 * Releases and patches matching the filters, each with its six stages, by forecast go-live. With a
 * period (`from`, `to`), those whose stages as forecast today touch it.
 */
export async function listReleases(
  query: ReleaseListQuery = {},
  knownSettings?: PlanningSettings,
): Promise<ReleaseDto[]> {
  const settings = knownSettings ?? (await getPlanningSettings());
  const { context, period, where } = await listScope(query, settings);
  const ids = await getDb().release.findMany({ where, select: { id: true } });
  const rows = await readReleaseRows(ids.map((row) => row.id));
  return byForecast(rows, context, period).map((row) => toReleaseDto(row, context));
}

/**
 * The ids of `listReleases`, in its order, placed by their stored forecasts (`placeReleases`):
 * the API pages through them and reads one page whole.
 */
export async function listReleaseIds(
  query: ReleaseListQuery = {},
  knownSettings?: PlanningSettings,
): Promise<string[]> {
  const settings = knownSettings ?? (await getPlanningSettings());
  const today = releaseContext(settings).today;
  const range = { start: query.from ?? "0001-01-01", end: query.to ?? "9999-12-31" };
  const where = await freshViewWhere(query, range, today);
  return (await placeReleases(where, range, today, settings.periods)).map((row) => row.id);
}

/** Whole releases by id, in the order given (a page of ids: never more than a page's worth). */
export async function getReleasesByIds(
  ids: readonly string[],
  knownSettings?: PlanningSettings,
): Promise<ReleaseDto[]> {
  const settings = knownSettings ?? (await getPlanningSettings());
  const context = releaseContext(settings);
  return (await readReleaseRows(ids)).map((row) => toReleaseDto(row, context));
}

export const RELEASES_PAGE_SIZE = 50;

const ORDER_BY: Record<ReleaseSort, Prisma.ReleaseOrderByWithRelationInput[]> = {
  goLive: [{ baselineGoLive: "asc" }, { name: "asc" }, { id: "asc" }],
  "-goLive": [{ baselineGoLive: "desc" }, { name: "desc" }, { id: "desc" }],
  name: [{ name: "asc" }, { baselineGoLive: "asc" }, { id: "asc" }],
  "-name": [{ name: "desc" }, { baselineGoLive: "desc" }, { id: "desc" }],
};

export type ReleasePage = {
  releases: ReleaseDto[];
  total: number;
  inProgress: number;
  atRisk: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/**
 * One page of the releases page, sorted and cut by the database: whatever the portfolio's size,
 * one page of rows is loaded and mapped. Without a page asked for, sorted by go-live, it opens on
 * the page where the go-lives reach today. The at-risk count reads only the releases under way.
 */
export async function listReleasePage(
  query: ReleaseListQuery,
  options: { sort: ReleaseSort; page?: number; pageSize?: number },
  settings: PlanningSettings,
): Promise<ReleasePage> {
  const db = getDb();
  const context = releaseContext(settings);
  const where = releaseWhere(query);
  const pageSize = options.pageSize ?? RELEASES_PAGE_SIZE;
  // At risk needs a stage that ran (in progress or on hold: its dates may have slipped) or one
  // overdue (a planned release: DEV past its end); the thousands planned ahead are not read.
  const mayBeAtRisk: Prisma.ReleaseWhereInput = {
    AND: [
      where,
      { status: { in: [...UNDER_WAY_STATUSES] } },
      {
        OR: [
          { status: { in: ["IN_PROGRESS", "ON_HOLD"] } },
          { stages: { some: { key: "DEV", plannedEnd: { lt: isoToDate(context.today) } } } },
        ],
      },
    ],
  };
  const [total, inProgress, underWayRows, beforeToday] = await Promise.all([
    db.release.count({ where }),
    db.release.count({ where: { AND: [where, { status: "IN_PROGRESS" }] } }),
    db.release.findMany({
      where: mayBeAtRisk,
      select: { status: true, region: true, baselineGoLive: true, stages: stageDatesSelect },
    }),
    options.page === undefined && options.sort === "goLive"
      ? db.release.count({
          where: { AND: [where, { baselineGoLive: { lt: isoToDate(context.today) } }] },
        })
      : Promise.resolve(0),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(options.page ?? Math.floor(beforeToday / pageSize) + 1, pageCount);
  // The page's ids first (an index scan), then their rows: with relations joined in, an OFFSET
  // would build the skipped rows' JSON too (2 s for page 134 of 10,000).
  const pageIds = await db.release.findMany({
    where,
    orderBy: ORDER_BY[options.sort],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true },
  });
  const releases = await getReleasesByIds(
    pageIds.map((row) => row.id),
    settings,
  );
  const atRisk = underWayRows.filter((row) => {
    const forecast = forecastOf(
      { status: row.status, stages: row.stages.map(toStageDates) },
      context.today,
      context.calendarFor(row.region),
    );
    return isAtRiskNow(row.status, dateToIso(row.baselineGoLive), forecast);
  }).length;
  return {
    releases,
    total,
    inProgress,
    atRisk,
    page,
    pageCount,
    pageSize,
  };
}

import "server-only";

import holidaysPackage from "date-holidays/package.json";

import { Prisma } from "@/generated/prisma/client";
import { type IsoDate, isoToDate } from "@/lib/domain/dates";
import { deliveryFactsOf } from "@/lib/domain/delivery-report";
import { storedForecastOf } from "@/lib/domain/progress";
import type { CompanyPeriod } from "@/lib/domain/settings";
import type { ReleaseStatus } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import {
  idList,
  queryJsonRows,
  stageDatesJson,
  type StageDatesJson,
  toStageDatesFromJson,
} from "@/lib/server/db/json-rows";
import { log } from "@/lib/server/log";

// The stored forecast (releases.forecast_*): each release's forecast as of a day, kept so that a
// view over a large portfolio can narrow its read in SQL instead of forecasting every release. It
// is a cache: the database marks a release stale whenever what its forecast is computed from
// changes (triggers, migration stored_forecast), it also goes stale when its day has passed, and a
// view reads stale releases as candidates too, so a forecast not yet refreshed costs only speed.
// The delivery report's facts (what each stage took, slip and lead time once live) are computed and
// stored with it, stale with it, since they depend on the same stages, region and calendar.

/** Any number: the advisory lock that lets one refresh at a time write (several instances). */
const REFRESH_LOCK = 72_001;

/**
 * Version of the rules the stored values are computed by: raise it with any change to
 * `storedForecastOf` or `deliveryFactsOf`. With the holiday data's version it makes the basis: an
 * app whose basis is newer than the stored one marks every stored forecast stale; an older one
 * (during a rolling upgrade) leaves them alone and writes none.
 */
const RULES_VERSION = 2;
export const FORECAST_BASIS = `${RULES_VERSION}/${holidaysPackage.version}`;

/** Orders two bases by their numbers (rules, then the holiday data's major, minor, patch). */
export function compareBases(a: string, b: string): number {
  const numbers = (basis: string) => basis.split(/[/.]/).map((part) => Number(part) || 0);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

/**
 * Brings the stored basis to this app's: when the stored one is older (or missing), marks every
 * stored forecast stale and records the new basis, in one transaction. False when the stored one
 * is newer: this app must not write forecasts by older rules.
 */
async function adoptBasis(stored: string | null): Promise<boolean> {
  if (stored === FORECAST_BASIS) return true;
  if (stored !== null && compareBases(stored, FORECAST_BASIS) > 0) return false;
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
    const moved = await tx.$executeRaw`
      INSERT INTO forecast_basis (id, basis) VALUES (1, ${FORECAST_BASIS})
      ON CONFLICT (id) DO UPDATE SET basis = EXCLUDED.basis
      WHERE forecast_basis.basis IS DISTINCT FROM EXCLUDED.basis`;
    if (moved > 0) {
      await tx.$executeRaw`
        UPDATE releases SET forecast_from = NULL, forecast_stamp = forecast_stamp + 1`;
    }
  });
  log().info({ from: stored, to: FORECAST_BASIS }, "stored forecasts marked stale: new basis");
  return true;
}

type StaleRelease = {
  id: string;
  status: ReleaseStatus;
  baselineGoLive: IsoDate;
  region: string;
  stamp: number;
  stages: StageDatesJson[];
};

/** Whether a release's stored forecast is missing or not valid on `today` (SQL on alias `r`). */
export function storedForecastIsStale(today: IsoDate): Prisma.Sql {
  return Prisma.sql`(r.forecast_from IS NULL OR r.forecast_from > ${today}::date
    OR r.forecast_until < ${today}::date)`;
}

/**
 * A view's candidates in SQL (alias `r`), as `viewWhere` without filters: the stored forecast
 * reaches into `range`, or is stale (then the caller forecasts the release itself).
 */
export function storedForecastMayReach(
  range: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Prisma.Sql {
  return Prisma.sql`(${storedForecastIsStale(today)}
    OR (r.forecast_start <= ${range.end}::date AND r.forecast_end >= ${range.start}::date))`;
}

/** The stored forecast holds for `today` (a Prisma filter, for the views' candidates). */
export function freshForecastWhere(today: IsoDate): Prisma.ReleaseWhereInput {
  return { forecastFrom: { lte: isoToDate(today) }, forecastUntil: { gte: isoToDate(today) } };
}

/** Its stored forecast is missing or not valid on `today`: read it, whatever its stored dates. */
export function staleForecastWhere(today: IsoDate): Prisma.ReleaseWhereInput {
  return {
    OR: [
      { forecastFrom: null },
      { forecastFrom: { gt: isoToDate(today) } },
      { forecastUntil: { lt: isoToDate(today) } },
    ],
  };
}

/**
 * Computes and stores the forecast of every release whose stored one does not hold on `today`, and
 * with it the facts the delivery report sums (`deliveryFactsOf`); returns how many it stored.
 * Usually none or a few (a stage decided, a day passed); all of them once after a migration or a
 * calendar change. The releases and the calendar periods are read in one statement (one snapshot),
 * and a release is written only if it has not changed since (its stamp). One instance writes at a
 * time: another finding the lock taken leaves the work to it, unless it must `wait` for it (a
 * read that needs every stored fact fresh).
 */
export async function refreshStoredForecasts(
  today: IsoDate,
  { wait = false }: { wait?: boolean } = {},
): Promise<number> {
  const [snapshot] = await queryJsonRows<{
    basis: string | null;
    periods: CompanyPeriod[];
    releases: StaleRelease[];
  }>(
    Prisma.sql`
      SELECT json_build_object(
        'basis', (SELECT basis FROM forecast_basis WHERE id = 1),
        'periods', coalesce((SELECT json_agg(json_build_object(
            'id', p.id, 'kind', p.kind, 'name', p.name, 'start', p.start_date, 'end', p.end_date,
            'region', p.region, 'recurrence', p.recurrence) ORDER BY p.start_date, p.name)
          FROM calendar_periods p), '[]'),
        'releases', coalesce((SELECT json_agg(json_build_object(
            'id', r.id, 'status', r.status, 'region', r.region, 'stamp', r.forecast_stamp,
            'baselineGoLive', r.baseline_go_live,
            'stages', ${stageDatesJson("r")}))
          FROM releases r WHERE ${storedForecastIsStale(today)}), '[]')) AS doc`,
  );
  const { basis, periods, releases } = snapshot!;
  if (basis !== FORECAST_BASIS) {
    return (await adoptBasis(basis)) ? refreshStoredForecasts(today, { wait }) : 0;
  }
  if (releases.length === 0) return 0;
  const rows = releases.map((release) => {
    const calendar = calendarFor(release.region, periods);
    const stages = toStageDatesFromJson(release.stages);
    return {
      release,
      stages,
      forecast: storedForecastOf({ ...release, stages }, today, calendar),
      facts: deliveryFactsOf({ ...release, stages }, calendar),
    };
  });
  const stageRows = rows.flatMap((row) =>
    row.stages.map((stage, index) => ({ row, key: stage.key, taken: row.facts.taken[index]! })),
  );
  try {
    return await getDb().$transaction(
      async (tx) => {
        if (wait) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
        else {
          const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS locked`;
          if (!lock?.locked) return 0;
        }
        await tx.$executeRaw`
        UPDATE stage_windows w SET taken_working_days = v.taken
        FROM unnest(
          ${stageRows.map((stage) => stage.row.release.id)}::uuid[],
          ${stageRows.map((stage) => stage.row.release.stamp)}::int[],
          ${stageRows.map((stage) => stage.key)}::stage_key[],
          ${stageRows.map((stage) => stage.taken)}::int[]
        ) AS v(release_id, stamp, key, taken), releases r
        WHERE w.release_id = v.release_id AND w.key = v.key
          AND r.id = v.release_id AND r.forecast_stamp = v.stamp
          AND w.taken_working_days IS DISTINCT FROM v.taken`;
        return tx.$executeRaw`
        UPDATE releases r SET forecast_start = v.start, forecast_end = v.finish,
          forecast_go_live = v.go_live, forecast_at_risk = v.at_risk, forecast_from = ${today}::date,
          forecast_until = v.until, live_slip_working_days = v.slip, lead_time_working_days = v.lead_time
        FROM unnest(
          ${rows.map((row) => row.release.id)}::uuid[],
          ${rows.map((row) => row.release.stamp)}::int[],
          ${rows.map((row) => row.forecast.start)}::date[],
          ${rows.map((row) => row.forecast.end)}::date[],
          ${rows.map((row) => row.forecast.goLive)}::date[],
          ${rows.map((row) => row.forecast.atRisk)}::boolean[],
          ${rows.map((row) => row.forecast.holdsUntil)}::date[],
          ${rows.map((row) => row.facts.slipWorkingDays)}::int[],
          ${rows.map((row) => row.facts.leadTimeWorkingDays)}::int[]
        ) AS v(id, stamp, start, finish, go_live, at_risk, until, slip, lead_time)
        WHERE r.id = v.id AND r.forecast_stamp = v.stamp`;
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    // A write that lost to a concurrent one (a deadlock with a writer of several releases) leaves
    // the forecasts stale: the views still read those releases, only a little slower.
    log().warn({ err: error, releases: rows.length }, "stored forecasts not refreshed");
    return 0;
  }
}

/** A release placed in a window by its forecast for today: enough to order, group and count it. */
export type PlacedRelease = {
  id: string;
  name: string;
  parentId: string | null;
  product: { key: string; name: string };
  forecastGoLive: IsoDate;
  atRisk: boolean;
};

type PlacedRow = PlacedRelease & {
  /** Whether the stored forecast holds today; when not, what forecasting it here needs. */
  fresh: boolean;
  forecastStart: IsoDate | null;
  forecastEnd: IsoDate | null;
  status: ReleaseStatus;
  region: string;
  baselineGoLive: IsoDate;
  stages: StageDatesJson[] | null;
};

/**
 * The releases a filter keeps whose forecast for today reaches into `range` (from the first day of
 * their first stage to the last of their last), by forecast go-live, then name. Read on the stored
 * forecasts, refreshed first; a release whose stored forecast is still stale (a refresh that lost a
 * race) is forecast here from its stage windows.
 */
export async function placeReleases(
  where: Prisma.ReleaseWhereInput,
  range: { start: IsoDate; end: IsoDate },
  today: IsoDate,
  periods: readonly CompanyPeriod[],
): Promise<PlacedRelease[]> {
  const ids = await getDb().release.findMany({ where, select: { id: true } });
  if (ids.length === 0) return [];
  const rows = await queryJsonRows<PlacedRow>(Prisma.sql`
    SELECT json_build_object(
      'id', r.id, 'name', r.name, 'parentId', r.parent_id,
      'product', json_build_object('key', p.key, 'name', p.name),
      'forecastGoLive', r.forecast_go_live, 'atRisk', coalesce(r.forecast_at_risk, false),
      'forecastStart', r.forecast_start, 'forecastEnd', r.forecast_end,
      'fresh', NOT ${storedForecastIsStale(today)}, 'status', r.status, 'region', r.region,
      'baselineGoLive', r.baseline_go_live,
      'stages', CASE WHEN ${storedForecastIsStale(today)} THEN ${stageDatesJson("r")} END) AS doc
    FROM releases r JOIN products p ON p.id = r.product_id
    WHERE r.id = ANY(${idList(ids.map((row) => row.id))})`);
  const placed: PlacedRelease[] = [];
  for (const row of rows) {
    let { forecastStart: start, forecastEnd: end, forecastGoLive, atRisk } = row;
    if (!row.fresh) {
      const forecast = storedForecastOf(
        { ...row, stages: toStageDatesFromJson(row.stages!) },
        today,
        calendarFor(row.region, periods),
      );
      ({ start, end, goLive: forecastGoLive, atRisk } = forecast);
    }
    if (start! > range.end || end! < range.start) continue;
    const { id, name, parentId, product } = row;
    placed.push({ id, name, parentId, product, forecastGoLive, atRisk });
  }
  return placed.sort(
    (a, b) => a.forecastGoLive.localeCompare(b.forecastGoLive) || a.name.localeCompare(b.name),
  );
}

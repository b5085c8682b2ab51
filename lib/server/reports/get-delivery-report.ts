import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/domain/dates";
import {
  assembleDeliveryReport,
  type DeliveredRelease,
  type DeliveryFigures,
  type DeliveryReport,
  type LeadTime,
  type StageSlip,
} from "@/lib/domain/delivery-report";
import { buildDeliveryReport, type ReportRelease } from "@/lib/domain/reference/delivery-report";
import { UNDER_WAY_STATUSES } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import type { ReleaseType } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import {
  queryJsonRows,
  stageDatesJson,
  type StageDatesJson,
  toStageDatesFromJson,
} from "@/lib/server/db/json-rows";
import {
  refreshStoredForecasts,
  storedForecastIsStale,
} from "@/lib/server/releases/stored-forecast";
import { companyToday } from "@/lib/server/today";

// The delivery report counts every go-live and sign-off of its period: a year of a large portfolio
// is thousands of releases and tens of thousands of stages. Each release keeps the facts the report
// counts (what each stage took, slip and lead time once live; `deliveryFactsOf`) with its stored
// forecast, so PostgreSQL sums them and returns the figures and the few rows shown. Should a fact
// be stale when read (a change racing the refresh), the report is built release by release instead
// (`buildDeliveryReport`, the reference the figures are tested against).

/** Go-lives listed by default; the figures count them all, the CSV export lists them all. */
export const DELIVERED_SHOWN = 100;

type Period = { from: IsoDate; to: IsoDate; type?: ReleaseType; product?: string[] };

/** The releases a report may count (alias `r`): not cancelled, of the type and products asked. */
function scopeWhere(period: Period): Prisma.Sql {
  return Prisma.sql`r.status <> 'CANCELLED'
    ${period.type ? Prisma.sql`AND r.type = ${period.type}::release_type` : Prisma.empty}
    ${
      period.product
        ? Prisma.sql`AND r.product_id IN (SELECT id FROM products WHERE key = ANY(${period.product}::text[]))`
        : Prisma.empty
    }`;
}

/** SQL for the day service was restored after a release `r` failed: rolled forward, the day the
 * fixing patch went live; rolled back, the day recorded. */
const RESTORED_ON = Prisma.sql`CASE WHEN r.outcome = 'ROLLED_FORWARD'
  THEN (SELECT f.actual_end FROM stage_windows f WHERE f.release_id = r.outcome_patch_id
    AND f.key = 'PROD' AND f.status = 'SIGNED_OFF')
  ELSE r.restored_on END`;

type Counted = {
  /** Releases of the scope whose stored facts do not hold: then the figures are not used. */
  stale: number;
  slips: StageSlip[] | null;
  count: number;
  onTime: number;
  onTimeToOriginal: number;
  leadTime: LeadTime;
  liveByMonth: Record<string, number>;
  plannedByMonth: Record<string, number>;
  latest: DeliveredRelease[] | null;
  worst: DeliveredRelease | null;
  failures: DeliveryFigures["failures"];
  signals: NonNullable<DeliveryFigures["signals"]>;
};

const DELIVERED_JSON = Prisma.raw(`json_build_object('id', d.id, 'name', d.name,
  'version', d.version, 'type', d.type, 'baselineGoLive', d.baseline_go_live,
  'originalGoLive', d.original_go_live, 'liveOn', d.live_on, 'slipWorkingDays', d.slip,
  'isOnTime', d.slip <= 0, 'isOnTimeToOriginal', d.live_on <= d.original_go_live,
  'leadTimeWorkingDays', d.lead_time, 'outcome', d.outcome)`);

/** Every figure of the report, summed by PostgreSQL over the stored facts. */
async function countReport(period: Period, today: IsoDate, latest: number): Promise<Counted> {
  const { from, to } = period;
  const [counted] = await queryJsonRows<Counted>(Prisma.sql`
    WITH scope AS NOT MATERIALIZED (SELECT r.* FROM releases r WHERE ${scopeWhere(period)}),
    overruns AS MATERIALIZED (
      SELECT w.key, r.name, w.taken_working_days - w.working_days AS days
      FROM stage_windows w JOIN scope r ON r.id = w.release_id
      WHERE w.status = 'SIGNED_OFF' AND w.actual_end BETWEEN ${from}::date AND ${to}::date
        AND w.actual_start IS NOT NULL),
    slips AS (
      SELECT key, count(*) AS n, avg(days)::float8 AS average, max(days) AS worst
      FROM overruns GROUP BY key),
    delivered AS MATERIALIZED (
      SELECT r.id, r.name, r.version, r.type, r.baseline_go_live, r.original_go_live, r.outcome,
        r.signals_critical,
        prod.actual_end AS live_on, r.live_slip_working_days AS slip,
        r.lead_time_working_days AS lead_time,
        ${RESTORED_ON} AS restored_on
      FROM stage_windows prod JOIN scope r ON r.id = prod.release_id
      WHERE r.status = 'LIVE' AND prod.key = 'PROD' AND prod.status = 'SIGNED_OFF'
        AND prod.actual_end BETWEEN ${from}::date AND ${to}::date)
    SELECT json_build_object(
      'stale', (SELECT count(*) FROM scope r WHERE ${storedForecastIsStale(today)}),
      'slips', (SELECT json_agg(json_build_object('key', s.key, 'count', s.n,
          'average', s.average, 'worst', s.worst,
          -- the worst release's name; of several as bad, the first by name
          'worstRelease', (SELECT min(o.name COLLATE "C") FROM overruns o
            WHERE o.key = s.key AND o.days = s.worst)))
        FROM slips s),
      'count', (SELECT count(*) FROM delivered),
      'onTime', (SELECT count(*) FROM delivered WHERE slip <= 0),
      'onTimeToOriginal', (SELECT count(*) FROM delivered WHERE live_on <= original_go_live),
      'leadTime', (SELECT json_build_object('average', avg(lead_time)::float8,
          'shortest', min(lead_time), 'longest', max(lead_time)) FROM delivered),
      'liveByMonth', (SELECT coalesce(json_object_agg(month, n), '{}')
        FROM (SELECT to_char(live_on, 'YYYY-MM') AS month, count(*) AS n
          FROM delivered GROUP BY 1) AS months),
      'plannedByMonth', (SELECT coalesce(json_object_agg(month, n), '{}')
        FROM (SELECT to_char(r.forecast_go_live, 'YYYY-MM') AS month, count(*) AS n
          FROM scope r WHERE r.status::text = ANY(${[...UNDER_WAY_STATUSES]}::text[])
            AND r.forecast_go_live BETWEEN ${from}::date AND ${to}::date
          GROUP BY 1) AS months),
      'latest', (SELECT json_agg(${DELIVERED_JSON})
        FROM (SELECT * FROM delivered ORDER BY live_on DESC, name DESC LIMIT ${latest}) AS d),
      'worst', (SELECT ${DELIVERED_JSON} FROM delivered d WHERE d.slip > 0
        ORDER BY d.slip DESC, d.live_on, d.name LIMIT 1),
      'failures', (SELECT json_build_object(
          'deployments', count(*), 'withOutcome', count(outcome),
          'failures', count(*) FILTER (WHERE outcome <> 'KEPT'),
          'restoreDays', coalesce(json_agg(restored_on - live_on)
            FILTER (WHERE outcome <> 'KEPT' AND restored_on IS NOT NULL), '[]'))
        FROM delivered),
      'signals', (SELECT json_build_object(
          'withCritical', count(*),
          'kept', count(*) FILTER (WHERE outcome = 'KEPT'),
          'rolledBack', count(*) FILTER (WHERE outcome = 'ROLLED_BACK'),
          'rolledForward', count(*) FILTER (WHERE outcome = 'ROLLED_FORWARD'),
          'none', count(*) FILTER (WHERE outcome IS NULL))
        FROM delivered WHERE signals_critical > 0)) AS doc`);
  return counted!;
}

type ReportRow = Omit<ReportRelease, "stages" | "restoredOn"> & {
  restoredOn: IsoDate | null;
  stages: StageDatesJson[];
};

/**
 * The report built release by release from every release of the scope: the slow, sure way, when
 * stored facts are stale, and what tests hold `getDeliveryReport` to.
 */
export async function getDeliveryReportReleaseByRelease(
  period: Period,
  settings: PlanningSettings,
  latest = DELIVERED_SHOWN,
): Promise<DeliveryReport> {
  const today = companyToday(settings.companyTimeZone);
  const rows = await queryJsonRows<ReportRow>(Prisma.sql`
    SELECT json_build_object(
      'id', r.id, 'name', r.name, 'version', r.version, 'type', r.type,
      'status', r.status, 'region', r.region, 'baselineGoLive', r.baseline_go_live,
      'product', json_build_object('key', p.key, 'name', p.name),
      'originalGoLive', r.original_go_live, 'outcome', r.outcome,
      'signalsCritical', r.signals_critical,
      'restoredOn', ${RESTORED_ON},
      'stages', ${stageDatesJson("r")}) AS doc
    FROM releases r JOIN products p ON p.id = r.product_id WHERE ${scopeWhere(period)}`);
  return buildDeliveryReport({
    releases: rows.map((row) => ({ ...row, stages: toStageDatesFromJson(row.stages) })),
    from: period.from,
    to: period.to,
    today,
    calendarOf: (region) => calendarFor(region, settings.periods),
    latest,
  });
}

/**
 * The delivery report of a period: releases that went live or had stages signed off in it, and
 * those on their way whose honest forecast falls in it. `latest` go-lives are listed.
 */
export async function getDeliveryReport(
  period: Period,
  settings: PlanningSettings,
  latest = DELIVERED_SHOWN,
): Promise<DeliveryReport> {
  const today = companyToday(settings.companyTimeZone);
  await refreshStoredForecasts(today, { wait: true });
  const counted = await countReport(period, today, latest);
  if (counted.stale > 0) return getDeliveryReportReleaseByRelease(period, settings, latest);
  return assembleDeliveryReport(period.from, period.to, {
    delivered: (counted.latest ?? []).sort(
      (a, b) => a.liveOn.localeCompare(b.liveOn) || a.name.localeCompare(b.name),
    ),
    deliveredCount: counted.count,
    onTimeCount: counted.onTime,
    onTimeToOriginalCount: counted.onTimeToOriginal,
    leadTime: counted.leadTime,
    worstSlip: counted.worst,
    liveByMonth: counted.liveByMonth,
    plannedByMonth: counted.plannedByMonth,
    stageSlips: counted.slips ?? [],
    failures: counted.failures,
    signals: counted.signals,
  });
}

// The delivery report defined release by release: what the database counts and sums for the app
// (getDeliveryReport). Obviously correct rather than fast; unit tests pin its rules and an
// integration test checks the database's figures against it on a seeded portfolio.
import { type DeliveredChange, type ReleaseOutcome } from "../after-go-live";
import { daysBetween, type IsoDate } from "../dates";
import {
  assembleDeliveryReport,
  type DeliveredRelease,
  deliveryFactsOf,
  type DeliveryReport,
  NO_SIGNAL_OUTCOMES,
  type SignalOutcomes,
  type StageSlip,
} from "../delivery-report";
import { forecastOf, wentLiveOn } from "../progress";
import type { ReleaseSummary, StageDates } from "../release";
import { isUnderWay } from "../release-status";
import { STAGE_KEYS, type StageKey } from "../stages";
import type { WorkingDayCalendar } from "../working-days";

export type ReportRelease = ReleaseSummary & {
  originalGoLive: IsoDate;
  stages: StageDates[];
  /** After go-live (live releases): what became of it, and when service was restored. */
  outcome?: ReleaseOutcome | null;
  restoredOn?: IsoDate | null;
  /** Critical signals matched to its observation. */
  signalsCritical?: number;
};

function average(values: number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

function countBy(dates: IsoDate[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const date of dates) counts[date.slice(0, 7)] = (counts[date.slice(0, 7)] ?? 0) + 1;
  return counts;
}

/**
 * The report over the releases whose go-live, stage sign-offs or honest forecast (still on their
 * way, as of `today`) fall in [from, to]; `latest` limits the go-lives listed (not those counted).
 */
export function buildDeliveryReport(input: {
  releases: readonly ReportRelease[];
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  calendarOf: (region: string) => WorkingDayCalendar;
  latest?: number;
}): DeliveryReport {
  const { releases, from, to, today, calendarOf, latest = Infinity } = input;
  const inPeriod = (date: IsoDate | null): date is IsoDate =>
    date !== null && date >= from && date <= to;

  const delivered: DeliveredRelease[] = [];
  const signals: SignalOutcomes = { ...NO_SIGNAL_OUTCOMES };
  const changes: DeliveredChange[] = [];
  const planned: IsoDate[] = [];
  const overruns = new Map<StageKey, { days: number; release: string }[]>(
    STAGE_KEYS.map((key) => [key, []]),
  );
  for (const release of releases) {
    if (release.status === "CANCELLED") continue;
    const calendar = calendarOf(release.region);
    const facts = deliveryFactsOf(release, calendar);
    release.stages.forEach((stage, index) => {
      const taken = facts.taken[index];
      if (taken === null || taken === undefined || !inPeriod(stage.actualEnd)) return;
      overruns.get(stage.key)!.push({ days: taken - stage.workingDays, release: release.name });
    });
    if (isUnderWay(release.status)) {
      const forecast = forecastOf(release, today, calendar).goLive;
      if (inPeriod(forecast)) planned.push(forecast);
    }
    const liveOn = wentLiveOn(release.stages.find((stage) => stage.key === "PROD")!);
    if (release.status !== "LIVE" || !inPeriod(liveOn)) continue;
    const slip = facts.slipWorkingDays!;
    delivered.push({
      id: release.id,
      name: release.name,
      version: release.version,
      type: release.type,
      baselineGoLive: release.baselineGoLive,
      originalGoLive: release.originalGoLive,
      liveOn,
      slipWorkingDays: slip,
      isOnTime: slip <= 0,
      isOnTimeToOriginal: liveOn <= release.originalGoLive,
      leadTimeWorkingDays: facts.leadTimeWorkingDays!,
      outcome: release.outcome ?? null,
    });
    changes.push({
      liveOn,
      outcome: release.outcome ?? null,
      restoredOn: release.restoredOn ?? null,
    });
    if ((release.signalsCritical ?? 0) > 0) {
      signals.withCritical++;
      const outcome = release.outcome ?? null;
      if (outcome === "KEPT") signals.kept++;
      else if (outcome === "ROLLED_BACK") signals.rolledBack++;
      else if (outcome === "ROLLED_FORWARD") signals.rolledForward++;
      else signals.none++;
    }
  }
  delivered.sort((a, b) => a.liveOn.localeCompare(b.liveOn) || a.name.localeCompare(b.name));

  const leadTimes = delivered.map((release) => release.leadTimeWorkingDays);
  const failures = changes.filter((change) => change.outcome && change.outcome !== "KEPT");
  const stageSlips: StageSlip[] = STAGE_KEYS.filter((key) => overruns.get(key)!.length).map(
    (key) => {
      const values = overruns.get(key)!;
      const worst = values.reduce((max, value) =>
        value.days > max.days || (value.days === max.days && value.release < max.release)
          ? value
          : max,
      );
      return {
        key,
        count: values.length,
        average: average(values.map((value) => value.days)),
        worst: worst.days,
        worstRelease: worst.release,
      };
    },
  );
  return assembleDeliveryReport(from, to, {
    delivered: delivered.slice(Math.max(0, delivered.length - latest)),
    deliveredCount: delivered.length,
    onTimeCount: delivered.filter((release) => release.isOnTime).length,
    onTimeToOriginalCount: delivered.filter((release) => release.isOnTimeToOriginal).length,
    leadTime: {
      average: average(leadTimes),
      shortest: leadTimes.length ? Math.min(...leadTimes) : null,
      longest: leadTimes.length ? Math.max(...leadTimes) : null,
    },
    worstSlip: delivered.reduce<DeliveredRelease | null>(
      (worst, release) =>
        release.slipWorkingDays > (worst?.slipWorkingDays ?? 0) ? release : worst,
      null,
    ),
    liveByMonth: countBy(delivered.map((release) => release.liveOn)),
    plannedByMonth: countBy(planned),
    stageSlips,
    failures: {
      deployments: changes.length,
      withOutcome: changes.filter((change) => change.outcome !== null).length,
      failures: failures.length,
      restoreDays: failures
        .filter((change) => change.restoredOn !== null)
        .map((change) => daysBetween(change.liveOn, change.restoredOn!)),
    },
    signals,
  });
}

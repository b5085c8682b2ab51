// The delivery report: how reliably releases go live as planned. Pure: the server hands in the
// releases and a calendar per region; everything is counted in working days of the release's region.
import {
  changeFailures,
  type ChangeFailureReport,
  type DeliveredChange,
  type ReleaseOutcome,
} from "./after-go-live";
import { type IsoDate, MONTH_NAMES } from "./dates";
import { shiftMonth } from "./month-calendar";
import { forecastOf, slipInWorkingDays, wentLiveOn } from "./progress";
import type { ReleaseSummary, StageDates } from "./release";
import { isUnderWay } from "./release-status";
import { type ReleaseType, STAGE_KEYS, type StageKey } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export type ReportRelease = ReleaseSummary & {
  originalGoLive: IsoDate;
  stages: StageDates[];
  /** After go-live (live releases): what became of it, and when service was restored. */
  outcome?: ReleaseOutcome | null;
  restoredOn?: IsoDate | null;
};

export type DeliveredRelease = {
  id: string;
  name: string;
  version: string;
  type: ReleaseType;
  baselineGoLive: IsoDate;
  originalGoLive: IsoDate;
  liveOn: IsoDate;
  /** Working days after the baseline (negative = early). */
  slipWorkingDays: number;
  /** Live on or before the baseline (the last deliberate plan). */
  isOnTime: boolean;
  /** Live on or before the go-live of the very first plan. */
  isOnTimeToOriginal: boolean;
  /** Working days from the first DEV day to the go-live, both counted. */
  leadTimeWorkingDays: number;
  outcome: ReleaseOutcome | null;
};

export type StageSlip = {
  key: StageKey;
  /** Stages signed off in the period. */
  count: number;
  /** Working days taken beyond the planned length, on average and at worst (negative = faster). */
  average: number | null;
  worst: number | null;
  worstRelease: string | null;
};

export type MonthCount = { month: IsoDate; label: string; live: number; planned: number };

export type DeliveryReport = {
  from: IsoDate;
  to: IsoDate;
  delivered: DeliveredRelease[];
  /** Against the baseline (last deliberate plan) and against the original (first) plan. */
  onTime: { count: number; of: number; rate: number | null };
  onTimeToOriginal: { count: number; of: number; rate: number | null };
  leadTime: { average: number | null; shortest: number | null; longest: number | null };
  stageSlips: StageSlip[];
  months: MonthCount[];
  /** DORA: change failure rate and time to restore, over the go-lives of the period. */
  failures: ChangeFailureReport;
};

function average(values: number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

/**
 * On-time rate (live on or before the baseline), lead time from the first DEV day to live, how long
 * each stage ran over its planned length, and go-lives per month (live ones, and the forecast of
 * releases still on their way) for the releases whose go-live or stage sign-offs fall in [from, to].
 */
export function buildDeliveryReport(input: {
  releases: readonly ReportRelease[];
  from: IsoDate;
  to: IsoDate;
  /** The company's today: releases still on their way count at their honest forecast. */
  today: IsoDate;
  calendarOf: (region: string) => WorkingDayCalendar;
}): DeliveryReport {
  const { releases, from, to, today, calendarOf } = input;
  const inPeriod = (date: IsoDate | null): date is IsoDate =>
    date !== null && date >= from && date <= to;

  const delivered: DeliveredRelease[] = [];
  const changes: DeliveredChange[] = [];
  const overruns = new Map<StageKey, { days: number; release: string }[]>(
    STAGE_KEYS.map((key) => [key, []]),
  );
  for (const release of releases) {
    const calendar = calendarOf(release.region);
    release.stages.forEach((stage, index) => {
      if (stage.status !== "SIGNED_OFF" || !inPeriod(stage.actualEnd) || !stage.actualStart) return;
      // A stage opens the day the one before closes; that handover day is the earlier stage's.
      const isHandover = index > 0 && release.stages[index - 1]!.actualEnd === stage.actualStart;
      const from = isHandover ? calendar.nextWorkingDay(stage.actualStart) : stage.actualStart;
      const taken = from > stage.actualEnd ? 0 : calendar.countWorkingDays(from, stage.actualEnd);
      overruns.get(stage.key)!.push({ days: taken - stage.workingDays, release: release.name });
    });
    const prod = release.stages.find((stage) => stage.key === "PROD")!;
    const dev = release.stages.find((stage) => stage.key === "DEV")!;
    const liveOn = wentLiveOn(prod);
    if (release.status !== "LIVE" || !inPeriod(liveOn)) continue;
    const slip = slipInWorkingDays(release.baselineGoLive, liveOn, calendar);
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
      leadTimeWorkingDays: calendar.countWorkingDays(dev.actualStart ?? dev.plannedStart, liveOn),
      outcome: release.outcome ?? null,
    });
    changes.push({
      liveOn,
      outcome: release.outcome ?? null,
      restoredOn: release.restoredOn ?? null,
    });
  }
  delivered.sort((a, b) => a.liveOn.localeCompare(b.liveOn) || a.name.localeCompare(b.name));

  const rateOf = (count: number) => ({
    count,
    of: delivered.length,
    rate: delivered.length ? count / delivered.length : null,
  });
  const leadTimes = delivered.map((release) => release.leadTimeWorkingDays);

  const months: MonthCount[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = shiftMonth(month, 1)) {
    months.push({
      month,
      label: `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`,
      live: 0,
      planned: 0,
    });
  }
  const monthOf = (date: IsoDate) => months.find((m) => m.month.slice(0, 7) === date.slice(0, 7));
  for (const release of delivered) monthOf(release.liveOn)!.live++;
  for (const release of releases) {
    if (!isUnderWay(release.status)) continue;
    const forecast = forecastOf(release, today, calendarOf(release.region)).goLive;
    if (inPeriod(forecast)) monthOf(forecast)!.planned++;
  }

  return {
    from,
    to,
    delivered,
    onTime: rateOf(delivered.filter((release) => release.isOnTime).length),
    onTimeToOriginal: rateOf(delivered.filter((release) => release.isOnTimeToOriginal).length),
    leadTime: {
      average: average(leadTimes),
      shortest: leadTimes.length ? Math.min(...leadTimes) : null,
      longest: leadTimes.length ? Math.max(...leadTimes) : null,
    },
    stageSlips: STAGE_KEYS.map((key) => {
      const values = overruns.get(key)!;
      const worst = values.reduce<{ days: number; release: string } | null>(
        (max, value) => (max === null || value.days > max.days ? value : max),
        null,
      );
      return {
        key,
        count: values.length,
        average: average(values.map((value) => value.days)),
        worst: worst?.days ?? null,
        worstRelease: worst?.release ?? null,
      };
    }),
    months,
    failures: changeFailures(changes),
  };
}

// The delivery report: how reliably releases go live as planned. Everything is counted in working
// days of the release's region. Each release's facts (`deliveryFactsOf`: what each stage took, the
// slip and lead time once live) are stored with it, so that over a large portfolio the database
// sums them (lib/server/reports/get-delivery-report.ts); `reference/delivery-report.ts` builds the
// report release by release, and a test holds the two together. Here: the facts, the types, and
// the report assembled from the figures.
import { type ChangeFailureReport, changeFailuresOf, type ReleaseOutcome } from "./after-go-live";
import { type IsoDate, MONTH_NAMES } from "./dates";
import { shiftMonth } from "./month-calendar";
import { slipInWorkingDays, wentLiveOn } from "./progress";
import type { StageDates } from "./release";
import { type ReleaseType, STAGE_KEYS, type StageKey } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export type DeliveryFacts = {
  /** Per stage, in order: the working days it took once signed off (null before). */
  taken: (number | null)[];
  /** Once live: working days after the baseline (negative = early), and lead time. */
  slipWorkingDays: number | null;
  leadTimeWorkingDays: number | null;
};

/**
 * What the report counts of one release, in working days of its calendar. A stage took the working
 * days from its first day to its sign-off, except that a stage opening the day the one before
 * closed leaves that handover day to the earlier stage. Lead time runs from the first DEV day to
 * the go-live, both counted.
 */
export function deliveryFactsOf(
  release: { baselineGoLive: IsoDate; stages: readonly StageDates[] },
  calendar: WorkingDayCalendar,
): DeliveryFacts {
  const { stages } = release;
  const taken = stages.map((stage, index) => {
    if (stage.status !== "SIGNED_OFF" || !stage.actualStart || !stage.actualEnd) return null;
    const isHandover = index > 0 && stages[index - 1]!.actualEnd === stage.actualStart;
    const from = isHandover ? calendar.nextWorkingDay(stage.actualStart) : stage.actualStart;
    return from > stage.actualEnd ? 0 : calendar.countWorkingDays(from, stage.actualEnd);
  });
  const prod = stages.find((stage) => stage.key === "PROD");
  const dev = stages.find((stage) => stage.key === "DEV");
  const liveOn = prod ? wentLiveOn(prod) : null;
  if (!liveOn || !dev) return { taken, slipWorkingDays: null, leadTimeWorkingDays: null };
  return {
    taken,
    slipWorkingDays: slipInWorkingDays(release.baselineGoLive, liveOn, calendar),
    leadTimeWorkingDays: calendar.countWorkingDays(dev.actualStart ?? dev.plannedStart, liveOn),
  };
}

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

export type Rate = { count: number; of: number; rate: number | null };

export type LeadTime = { average: number | null; shortest: number | null; longest: number | null };

/** What the report is assembled from: counted over every go-live and sign-off of the period. */
export type DeliveryFigures = {
  /** Go-lives of the period in go-live order, then name: all of them, or the latest ones. */
  delivered: DeliveredRelease[];
  deliveredCount: number;
  onTimeCount: number;
  onTimeToOriginalCount: number;
  leadTime: LeadTime;
  /** The go-live furthest after its baseline (the earliest of equals); null when none was late. */
  worstSlip: DeliveredRelease | null;
  /** Go-lives per month ("YYYY-MM"): live ones, and forecasts of releases still on their way. */
  liveByMonth: Readonly<Record<string, number>>;
  plannedByMonth: Readonly<Record<string, number>>;
  /** Per stage with sign-offs in the period (any order; stages without are left out). */
  stageSlips: readonly StageSlip[];
  failures: Parameters<typeof changeFailuresOf>[0];
  /** Go-lives of the period whose observation had critical signals, and their outcomes. */
  signals?: SignalOutcomes;
};

/** How the go-lives with critical signals during observation ended (none: no outcome yet). */
export type SignalOutcomes = {
  withCritical: number;
  kept: number;
  rolledBack: number;
  rolledForward: number;
  none: number;
};

export const NO_SIGNAL_OUTCOMES: SignalOutcomes = {
  withCritical: 0,
  kept: 0,
  rolledBack: 0,
  rolledForward: 0,
  none: 0,
};

export type DeliveryReport = {
  from: IsoDate;
  to: IsoDate;
  /** The go-lives listed: all of them or the latest ones (`deliveredCount` counts them all). */
  delivered: DeliveredRelease[];
  deliveredCount: number;
  /** Against the baseline (last deliberate plan) and against the original (first) plan. */
  onTime: Rate;
  onTimeToOriginal: Rate;
  leadTime: LeadTime;
  worstSlip: DeliveredRelease | null;
  stageSlips: StageSlip[];
  months: MonthCount[];
  /** DORA: change failure rate and time to restore, over the go-lives of the period. */
  failures: ChangeFailureReport;
  /** Go-lives whose observation had critical signals, and how they ended. */
  signals: SignalOutcomes;
};

/** The share of go-lives a count is, as the report shows it. */
function rateOf(count: number, of: number): Rate {
  return { count, of, rate: of ? count / of : null };
}

/** The months of [from, to], each with its go-lives. */
function monthsOf(
  from: IsoDate,
  to: IsoDate,
  live: Readonly<Record<string, number>>,
  planned: Readonly<Record<string, number>>,
): MonthCount[] {
  const months: MonthCount[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = shiftMonth(month, 1)) {
    const key = month.slice(0, 7);
    months.push({
      month,
      label: `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`,
      live: live[key] ?? 0,
      planned: planned[key] ?? 0,
    });
  }
  return months;
}

/**
 * On-time rates (live on or before the baseline; on or before the first plan), lead time from the
 * first DEV day to live, how long each stage ran over its planned length, go-lives per month and
 * the DORA failure measures, for the period [from, to].
 */
export function assembleDeliveryReport(
  from: IsoDate,
  to: IsoDate,
  figures: DeliveryFigures,
): DeliveryReport {
  const slips = new Map(figures.stageSlips.map((slip) => [slip.key, slip]));
  return {
    from,
    to,
    delivered: figures.delivered,
    deliveredCount: figures.deliveredCount,
    onTime: rateOf(figures.onTimeCount, figures.deliveredCount),
    onTimeToOriginal: rateOf(figures.onTimeToOriginalCount, figures.deliveredCount),
    leadTime: figures.leadTime,
    worstSlip: figures.worstSlip,
    stageSlips: STAGE_KEYS.map(
      (key) => slips.get(key) ?? { key, count: 0, average: null, worst: null, worstRelease: null },
    ),
    months: monthsOf(from, to, figures.liveByMonth, figures.plannedByMonth),
    failures: changeFailuresOf(figures.failures),
    signals: figures.signals ?? NO_SIGNAL_OUTCOMES,
  };
}

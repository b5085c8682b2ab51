// Where a release stands against its plan: the honest forecast (a stage still open after its
// planned end pushes what follows), go-live, slip against the baseline, at risk.
import type { IsoDate } from "./dates";
import { replanRemaining } from "./planner";
import type { StageDates as PlannedStageDates } from "./release";
import { isUnderWay } from "./release-status";
import { currentStageOf, type ReleaseStatus, type StageKey, type StageStatus } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

type StageDates = {
  key: StageKey;
  status: StageStatus;
  plannedStart: IsoDate;
  actualEnd: IsoDate | null;
};

/**
 * The day a release went live: PROD's sign-off confirms the go-live, so it is the day PROD was
 * signed off. (PROD opens when PREPROD closes, often the day before: its start is not the go-live.)
 */
export function wentLiveOn(prod: {
  status: StageStatus;
  actualEnd: IsoDate | null;
}): IsoDate | null {
  return prod.status === "SIGNED_OFF" ? prod.actualEnd : null;
}

/** The go-live as things stand: the day it happened once live, else PROD's planned day. */
export function forecastGoLiveOf(stages: readonly StageDates[]): IsoDate {
  const prod = stages.find((stage) => stage.key === "PROD");
  if (!prod) throw new Error("A release always has a PROD stage");
  return wentLiveOn(prod) ?? prod.plannedStart;
}

/** Working days the forecast lies after the baseline (negative when early, 0 when on time). */
export function slipInWorkingDays(
  baseline: IsoDate,
  forecast: IsoDate,
  calendar: WorkingDayCalendar,
): number {
  if (forecast === baseline) return 0;
  if (forecast > baseline) return calendar.countWorkingDays(baseline, forecast) - 1;
  return -(calendar.countWorkingDays(forecast, baseline) - 1);
}

/** A stage as the forecast sees it: its dates as expected now (what happened, else what is due). */
export type ForecastStage = { key: StageKey; start: IsoDate; end: IsoDate };

export type Forecast = {
  stages: ForecastStage[];
  /** The day the release goes (or went) live as things stand. */
  goLive: IsoDate;
  /** The stage still open after its planned end, if any: it pushes everything after it. */
  overdueStage: StageKey | null;
  /** Why the forecast differs from the plan (a go-live moved out of a freeze, …). */
  notes: string[];
};

/**
 * The honest forecast, computed from `today` on every read (so it moves the day a stage runs late,
 * without anyone clicking, and every app instance agrees). A stage of a release still under way
 * that is not signed off although its planned end has passed (active, rejected, or never opened)
 * can close on the first working day from today at the earliest; the stages after it follow from
 * the next working day, keeping their durations, with the go-live kept out of freezes. Otherwise
 * the forecast is the plan, which sign-offs already re-plan from the day they happen.
 */
export function forecastOf(
  release: { status: ReleaseStatus; stages: readonly PlannedStageDates[] },
  today: IsoDate,
  calendar: WorkingDayCalendar,
): Forecast {
  const asPlanned = release.stages.map((stage) => ({
    key: stage.key,
    start: stage.actualStart ?? stage.plannedStart,
    end: stage.actualEnd ?? stage.plannedEnd,
  }));
  const plan: Forecast = {
    stages: asPlanned,
    goLive: forecastGoLiveOf(release.stages),
    overdueStage: null,
    notes: [],
  };
  if (!isUnderWay(release.status)) return plan;
  const current = currentStageOf(release.stages);
  if (!current || current.plannedEnd >= today) return plan;

  const closesOn = calendar.isWorkingDay(today) ? today : calendar.nextWorkingDay(today);
  const index = release.stages.indexOf(current);
  const remaining = release.stages.slice(index + 1);
  const replanned = replanRemaining(closesOn, remaining, calendar);
  const stages = [
    ...asPlanned.slice(0, index),
    { key: current.key, start: current.actualStart ?? current.plannedStart, end: closesOn },
    ...replanned.stages.map((stage) => ({ key: stage.key, start: stage.start, end: stage.end })),
  ];
  return {
    stages,
    goLive: stages.at(-1)!.start,
    overdueStage: current.key,
    notes: replanned.notes,
  };
}

/**
 * From the first day of a release's first stage to the last of its last, as forecast: the days it
 * is on its way (a view shows it when this reaches into the view, gaps between stages included).
 */
export function spanOf(stages: readonly { start: IsoDate; end: IsoDate }[]): {
  start: IsoDate;
  end: IsoDate;
} {
  let start = stages[0]!.start;
  let end = start;
  for (const stage of stages) {
    if (stage.start < start) start = stage.start;
    if (stage.end > end) end = stage.end;
    if (stage.start > end) end = stage.start;
  }
  return { start, end };
}

/** The last day there is: a forecast that does not depend on today holds until then. */
export const FOREVER: IsoDate = "9999-12-31";

/**
 * The forecast of `today` as one stored fact: the first and last day of its stages (a bar from
 * start to end), the go-live, at risk, and the last day it still holds if nothing is decided or
 * re-planned.
 * A release not under way, or whose current stage is not yet due to close, keeps its plan until that
 * stage's planned end has passed; an overdue stage closes on the first working day from today, the
 * same answer until that day.
 */
export function storedForecastOf(
  release: { status: ReleaseStatus; baselineGoLive: IsoDate; stages: readonly PlannedStageDates[] },
  today: IsoDate,
  calendar: WorkingDayCalendar,
): { start: IsoDate; end: IsoDate; goLive: IsoDate; atRisk: boolean; holdsUntil: IsoDate } {
  const forecast = forecastOf(release, today, calendar);
  const { start, end } = spanOf(forecast.stages);
  const current = isUnderWay(release.status) ? currentStageOf(release.stages) : undefined;
  const holdsUntil = !current
    ? FOREVER
    : current.plannedEnd >= today
      ? current.plannedEnd
      : calendar.isWorkingDay(today)
        ? today
        : calendar.nextWorkingDay(today);
  const atRisk = isAtRiskNow(release.status, release.baselineGoLive, forecast);
  return { start, end, goLive: forecast.goLive, atRisk, holdsUntil };
}

/** At risk: still under way, and late against the baseline or with a stage overdue. */
export function isAtRiskNow(
  status: ReleaseStatus,
  baseline: IsoDate,
  forecast: Pick<Forecast, "goLive" | "overdueStage">,
): boolean {
  return isUnderWay(status) && (forecast.goLive > baseline || forecast.overdueStage !== null);
}

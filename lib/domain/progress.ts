// Where a release stands against its plan: forecast go-live, slip against the baseline, at risk.
import type { IsoDate } from "./dates";
import { isUnderWay } from "./release-status";
import type { ReleaseStatus, StageKey, StageStatus } from "./stages";
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

/** A release still on its way whose forecast is past its baseline. */
export function isAtRisk(status: ReleaseStatus, baseline: IsoDate, forecast: IsoDate): boolean {
  return isUnderWay(status) && forecast > baseline;
}

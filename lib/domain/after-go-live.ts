// Life after go-live: production is the final test. A live release is observed for a number of
// working days; then its outcome is recorded: kept, rolled back (to which version), or rolled
// forward by a patch. From the outcomes come two DORA measures: change failure rate and time to
// restore service.
import { AppError } from "../errors";

import { daysBetween, type IsoDate } from "./dates";
import type { ReleaseStatus } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export const RELEASE_OUTCOMES = ["KEPT", "ROLLED_BACK", "ROLLED_FORWARD"] as const;
export type ReleaseOutcome = (typeof RELEASE_OUTCOMES)[number];

export const OUTCOME_NAMES: Record<ReleaseOutcome, string> = {
  KEPT: "Kept",
  ROLLED_BACK: "Rolled back",
  ROLLED_FORWARD: "Rolled forward",
};

export const DEFAULT_OBSERVATION_WORKING_DAYS = 5;

/** The last day of the observation window: `days` working days after the go-live day. */
export function observationEndOf(
  liveOn: IsoDate,
  days: number,
  calendar: WorkingDayCalendar,
): IsoDate {
  return calendar.shiftWorkingDays(liveOn, days);
}

/** Where a live release stands: still observed, its outcome due, or recorded. */
export type AfterGoLivePhase = "OBSERVING" | "OUTCOME_DUE" | "RECORDED";

export function afterGoLivePhase(
  release: { observationEnd: IsoDate; outcome: ReleaseOutcome | null },
  today: IsoDate,
): AfterGoLivePhase {
  if (release.outcome) return "RECORDED";
  return today > release.observationEnd ? "OUTCOME_DUE" : "OBSERVING";
}

export type OutcomeInput = {
  outcome: ReleaseOutcome;
  /** ROLLED_BACK: the version production went back to. */
  rolledBackTo?: string;
  /** ROLLED_BACK: the day service was restored (default: today). */
  restoredOn?: IsoDate;
};

/**
 * Why this outcome cannot be recorded, or undefined: only a live release has one; a roll-back is
 * restored between its go-live and today; a roll-forward's patch must be a patch of this release.
 */
export function outcomeProblem(input: {
  status: ReleaseStatus;
  liveOn: IsoDate | null;
  outcome: OutcomeInput;
  /** The patch named for a roll-forward, as found (null: no such release). */
  patch?: { parentId: string | null; type: "RELEASE" | "PATCH" } | null;
  releaseId: string;
  today: IsoDate;
}): AppError | undefined {
  const { status, liveOn, outcome, patch, releaseId, today } = input;
  if (status !== "LIVE" || !liveOn) {
    return new AppError(
      "CONFLICT",
      "RELEASE_NOT_LIVE",
      "Only a live release has an outcome: sign off PROD first.",
      { status },
    );
  }
  if (outcome.outcome === "ROLLED_FORWARD") {
    if (!patch || patch.type !== "PATCH" || patch.parentId !== releaseId) {
      return new AppError(
        "UNPROCESSABLE",
        "PATCH_NOT_OF_RELEASE",
        "A roll-forward names a patch of this release: plan the patch first, then record it here.",
      );
    }
  }
  if (outcome.outcome === "ROLLED_BACK" && outcome.restoredOn) {
    if (outcome.restoredOn < liveOn || outcome.restoredOn > today) {
      return new AppError(
        "UNPROCESSABLE",
        "DATE_OUT_OF_RANGE",
        `Service was restored between the go-live (${liveOn}) and today (${today}).`,
        { liveOn, today },
      );
    }
  }
  return undefined;
}

/** A live release as the DORA measures see it. */
export type DeliveredChange = {
  liveOn: IsoDate;
  outcome: ReleaseOutcome | null;
  /** Rolled back: the day it was restored; rolled forward: the day its patch went live (if yet). */
  restoredOn: IsoDate | null;
};

export type ChangeFailureReport = {
  /** Go-lives counted. */
  deployments: number;
  /** Of those, with an outcome recorded (the rate's denominator). */
  withOutcome: number;
  failures: number;
  /** Failures / go-lives with an outcome; null when none has one yet. */
  changeFailureRate: number | null;
  /** Calendar days from the go-live to service restored, per restored failure. */
  restoreDays: number[];
  meanTimeToRestoreDays: number | null;
  medianTimeToRestoreDays: number | null;
  /** Failures whose fix has not gone live yet. */
  notRestored: number;
};

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * DORA's change failure rate (the share of changes to production that needed remediation: a
 * roll-back or a fix rolled forward) over the go-lives whose outcome is known, and time to restore
 * service (from the go-live to the day the roll-back or the fixing patch restored it), in days.
 */
export function changeFailures(changes: readonly DeliveredChange[]): ChangeFailureReport {
  const withOutcome = changes.filter((change) => change.outcome !== null);
  const failures = withOutcome.filter((change) => change.outcome !== "KEPT");
  return changeFailuresOf({
    deployments: changes.length,
    withOutcome: withOutcome.length,
    failures: failures.length,
    restoreDays: failures
      .filter((change) => change.restoredOn !== null)
      .map((change) => daysBetween(change.liveOn, change.restoredOn!)),
  });
}

/** `changeFailures` from counts taken elsewhere (the database, over a large portfolio). */
export function changeFailuresOf(counts: {
  deployments: number;
  withOutcome: number;
  failures: number;
  /** Calendar days from the go-live to service restored, per restored failure. */
  restoreDays: number[];
}): ChangeFailureReport {
  const { deployments, withOutcome, failures, restoreDays } = counts;
  return {
    deployments,
    withOutcome,
    failures,
    changeFailureRate: withOutcome ? failures / withOutcome : null,
    restoreDays,
    meanTimeToRestoreDays: restoreDays.length
      ? restoreDays.reduce((sum, days) => sum + days, 0) / restoreDays.length
      : null,
    medianTimeToRestoreDays: median(restoreDays),
    notRestored: failures - restoreDays.length,
  };
}

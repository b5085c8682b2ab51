// Deliberate re-planning by a release manager: a new go-live, a new start before anything began, or
// a new end for one stage still ahead. Before DEV has started, a new go-live or start derives the
// whole plan again with the current settings. Once under way, the stages signed off stay as they are
// and the remaining ones are placed backward from the new go-live, keeping the durations they were
// planned with. A new stage end changes that stage's length and moves the stages after it, which
// start on the next working day. A deliberate re-plan sets a new baseline.
import { AppError } from "../errors";

import { formatDisplayDate, type IsoDate, toDayNumber } from "./dates";
import { describeReason, planForward, planStagesBackward, replanRemaining } from "./planner";
import { hasStarted, statusBlocker } from "./release-commands";
import type { ReleaseState, StageChange, StageState } from "./signoff";
import { STAGE_KEYS, type StageDurations, type StageKey, type StageRule } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export type ReplanRequest = {
  goLive?: IsoDate;
  start?: IsoDate;
  /** A new last day for one stage not yet signed off (PROD's day is the go-live: move that instead). */
  stageEnd?: { key: StageKey; end: IsoDate };
};

export type Replan = {
  stageChanges: StageChange[];
  baselineGoLive: IsoDate;
  notes: string[];
};

/** A stage a re-plan may still move: one not signed off yet (its end, or the go-live for PROD). */
export function isMovable(stage: { status: StageState["status"] }): boolean {
  return stage.status !== "SIGNED_OFF";
}

export function replanRelease(input: {
  release: ReleaseState;
  request: ReplanRequest;
  durations: StageDurations;
  rules: Record<StageKey, StageRule>;
  calendar: WorkingDayCalendar;
  today: IsoDate;
}): Replan {
  const { release, request, durations, rules, calendar, today } = input;
  const closed = statusBlocker(release, "REPLAN");
  if (closed) throw closed;
  if (request.stageEnd) return moveStageEnd(release, request.stageEnd, calendar, today);

  if (!hasStarted(release.stages)) {
    const lengths = STAGE_KEYS.map((key) => ({ key, workingDays: durations[key] }));
    const plan = request.goLive
      ? planStagesBackward(request.goLive, lengths, calendar)
      : planForward(request.start!, durations, calendar);
    return {
      stageChanges: plan.stages.map((stage) => ({
        key: stage.key,
        plannedStart: stage.start,
        plannedEnd: stage.end,
        workingDays: stage.workingDays,
        approvalsRequired: rules[stage.key].approvalsRequired,
      })),
      baselineGoLive: plan.stages.at(-1)!.start,
      notes: plan.notes,
    };
  }

  if (!request.goLive) {
    throw new AppError(
      "UNPROCESSABLE",
      "ALREADY_STARTED",
      "DEV has started: the release can only be re-planned from a new go-live, not a new start.",
    );
  }
  const remaining = release.stages.filter(isMovable);
  const lengths = remaining.map(({ key, workingDays }) => ({ key, workingDays }));
  const { stages, notes } = planStagesBackward(request.goLive, lengths, calendar);
  // The stage under way cannot be planned to end before today.
  if (stages[0]!.end < today) {
    const earliest = earliestGoLive(lengths, calendar, today);
    throw new AppError(
      "UNPROCESSABLE",
      "GO_LIVE_TOO_EARLY",
      `The ${lengths.reduce((sum, s) => sum + s.workingDays, 0)} working days still ahead do not fit before ` +
        `${formatDisplayDate(request.goLive)}. The earliest possible go-live is ${formatDisplayDate(earliest)}.`,
      { suggestions: [earliest] },
    );
  }
  return {
    stageChanges: stages.map((stage) => ({
      key: stage.key,
      plannedStart: stage.start,
      plannedEnd: stage.end,
    })),
    baselineGoLive: stages.at(-1)!.start,
    notes,
  };
}

/**
 * A stage still ahead (or under way) gets a new last day: its length becomes the working days from
 * its start to that day, and the stages after it follow from the next working day with their
 * lengths (a go-live that would land in a freeze moves past it, as after a sign-off).
 */
function moveStageEnd(
  release: ReleaseState,
  request: { key: StageKey; end: IsoDate },
  calendar: WorkingDayCalendar,
  today: IsoDate,
): Replan {
  const { key, end } = request;
  if (key === "PROD") {
    throw new AppError(
      "UNPROCESSABLE",
      "USE_GO_LIVE",
      "PROD is the go-live day: move the go-live instead of its end.",
      { field: "goLive" },
    );
  }
  const index = release.stages.findIndex((stage) => stage.key === key);
  const stage = release.stages[index]!;
  if (!isMovable(stage)) {
    throw new AppError(
      "CONFLICT",
      "STAGE_CLOSED",
      `${key} is signed off: its end is a fact, not a plan. Only stages still ahead can move.`,
    );
  }
  if (!calendar.isWorkingDay(end)) {
    const suggestions = [calendar.previousWorkingDay(end), calendar.nextWorkingDay(end)];
    throw new AppError(
      "UNPROCESSABLE",
      "NOT_A_WORKING_DAY",
      `${formatDisplayDate(end)} is ${describeReason(calendar.nonWorkingReason(end)!)} in ${calendar.region}, ` +
        `not a working day. Nearest possible end: ${formatDisplayDate(suggestions[0]!)} or ${formatDisplayDate(suggestions[1]!)}.`,
      { date: end, field: "end", suggestions },
    );
  }
  const start = stage.actualStart ?? stage.plannedStart;
  if (end < start) {
    throw new AppError(
      "UNPROCESSABLE",
      "END_BEFORE_START",
      `${key} starts on ${formatDisplayDate(start)}; it cannot end before that.`,
      {
        field: "end",
        suggestions: [calendar.isWorkingDay(start) ? start : calendar.nextWorkingDay(start)],
      },
    );
  }
  if (end < today) {
    throw new AppError(
      "UNPROCESSABLE",
      "END_IN_PAST",
      `${formatDisplayDate(end)} has passed: a stage still open can end today at the earliest.`,
      {
        field: "end",
        suggestions: [calendar.isWorkingDay(today) ? today : calendar.nextWorkingDay(today)],
      },
    );
  }
  const following = release.stages
    .slice(index + 1)
    .map(({ key, workingDays }) => ({ key, workingDays }));
  const { stages, notes } = replanRemaining(end, following, calendar);
  return {
    stageChanges: [
      { key, plannedEnd: end, workingDays: calendar.countWorkingDays(start, end) },
      ...stages.map((s) => ({ key: s.key, plannedStart: s.start, plannedEnd: s.end })),
    ],
    baselineGoLive: stages.at(-1)!.start,
    notes,
  };
}

/** The go-live if the stage under way ended today (or the next working day) and the rest followed. */
function earliestGoLive(
  lengths: { key: StageKey; workingDays: number }[],
  calendar: WorkingDayCalendar,
  today: IsoDate,
): IsoDate {
  const lastDay = calendar.isWorkingDay(today) ? today : calendar.nextWorkingDay(today);
  if (lengths.length === 1) {
    return calendar.isGoLiveDay(toDayNumber(lastDay))
      ? lastDay
      : replanRemaining(lastDay, lengths, calendar).stages[0]!.start;
  }
  return replanRemaining(lastDay, lengths.slice(1), calendar).stages.at(-1)!.start;
}

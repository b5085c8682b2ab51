// Deliberate re-planning by a release manager (a new go-live, or a new start before anything began).
// Before DEV has started, the whole plan is derived again with the current settings. Once under way,
// the stages signed off stay as they are and the remaining ones are placed backward from the new
// go-live, keeping the durations they were planned with. A deliberate re-plan sets a new baseline.
import { AppError } from "../errors";

import { formatDisplayDate, type IsoDate, toDayNumber } from "./dates";
import { planForward, planStagesBackward, replanRemaining } from "./planner";
import type { ReleaseState, StageChange } from "./signoff";
import { STAGE_KEYS, type StageDurations, type StageKey, type StageRule } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export type ReplanRequest = { goLive?: IsoDate; start?: IsoDate };

export type Replan = {
  stageChanges: StageChange[];
  baselineGoLive: IsoDate;
  notes: string[];
};

function hasStarted(release: ReleaseState): boolean {
  return release.stages.some((stage) => stage.actualStart !== null || stage.status !== "PENDING");
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
  if (release.status === "LIVE" || release.status === "CANCELLED") {
    throw new AppError(
      "CONFLICT",
      "RELEASE_CLOSED",
      `A ${release.status === "LIVE" ? "live" : "cancelled"} release cannot be re-planned.`,
    );
  }

  if (!hasStarted(release)) {
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
  const remaining = release.stages.filter((stage) => stage.status !== "SIGNED_OFF");
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

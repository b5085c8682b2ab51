// Derives the six stage windows of a release from its go-live (backward) or its DEV start
// (forward). Stages are contiguous in working days; the go-live is the first day of PROD.
import { AppError } from "../errors";

import type { IsoDate } from "./dates";
import { STAGE_KEYS, type StageDurations, type StageKey, windowLength } from "./stages";
import type { NonWorkingReason, WorkingDayCalendar } from "./working-days";

export type PlannedStage = { key: StageKey; start: IsoDate; end: IsoDate; workingDays: number };

export type Plan = {
  region: string;
  start: IsoDate;
  goLive: IsoDate;
  workingDays: number;
  stages: PlannedStage[];
  notes: string[];
};

export function planBackward(
  goLive: IsoDate,
  durations: StageDurations,
  calendar: WorkingDayCalendar,
): Plan {
  assertWorkingDay(goLive, calendar, "go-live");
  const stages: PlannedStage[] = [];
  // PROD starts on the go-live; every earlier stage ends the working day before the next starts.
  const prodEnd = calendar.shiftWorkingDays(goLive, durations.PROD - 1);
  let end = prodEnd;
  for (const key of [...STAGE_KEYS].reverse()) {
    const workingDays = durations[key];
    const start = key === "PROD" ? goLive : calendar.shiftWorkingDays(end, -(workingDays - 1));
    stages.unshift({ key, start, end, workingDays });
    end = calendar.previousWorkingDay(start);
  }
  return toPlan(calendar.region, stages, durations);
}

export function planForward(
  start: IsoDate,
  durations: StageDurations,
  calendar: WorkingDayCalendar,
): Plan {
  assertWorkingDay(start, calendar, "start");
  return toPlan(calendar.region, planStagesFrom(start, STAGE_KEYS, durations, calendar), durations);
}

/** Plans `keys` back to back from the working day `start`, keeping their durations. */
export function planStagesFrom(
  start: IsoDate,
  keys: readonly StageKey[],
  durations: StageDurations,
  calendar: WorkingDayCalendar,
): PlannedStage[] {
  const stages: PlannedStage[] = [];
  let stageStart = start;
  for (const key of keys) {
    const workingDays = durations[key];
    const end = calendar.shiftWorkingDays(stageStart, workingDays - 1);
    stages.push({ key, start: stageStart, end, workingDays });
    stageStart = calendar.nextWorkingDay(end);
  }
  return stages;
}

function toPlan(region: string, stages: PlannedStage[], durations: StageDurations): Plan {
  const prod = stages.find((stage) => stage.key === "PROD")!;
  return {
    region,
    start: stages[0]!.start,
    goLive: prod.start,
    workingDays: windowLength(durations),
    stages,
    notes: [],
  };
}

function assertWorkingDay(date: IsoDate, calendar: WorkingDayCalendar, what: "go-live" | "start") {
  const reason = calendar.nonWorkingReason(date);
  if (!reason) return;
  const before = calendar.previousWorkingDay(date);
  const after = calendar.nextWorkingDay(date);
  throw new AppError(
    "UNPROCESSABLE",
    "NOT_A_WORKING_DAY",
    `The ${what} ${date} is not a working day in ${calendar.region} (${describeReason(reason)}). ` +
      `Nearest working days: ${before} and ${after}.`,
    { date, reason, suggestions: [before, after] },
  );
}

export function describeReason(reason: NonWorkingReason): string {
  switch (reason.kind) {
    case "weekend":
      return "weekend";
    case "holiday":
      return `public holiday: ${reason.name}`;
    case "closure":
      return `company closure: ${reason.name}`;
  }
}

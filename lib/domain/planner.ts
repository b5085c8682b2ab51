// Derives the six stage windows of a release from its go-live (backward) or its DEV start
// (forward), and re-plans the remaining stages after a sign-off. Stages are contiguous in working
// days; the go-live is the first day of PROD (with the default PROD of one day, the last day of the
// window). A go-live never falls into a freeze window: the plan moves and `notes` says why.
import { AppError } from "../errors";

import { formatDisplayDate, type IsoDate, toDayNumber } from "./dates";
import type { DatedPeriod } from "./periods";
import { STAGE_KEYS, type StageDurations, type StageKey } from "./stages";
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

export type StageLength = { key: StageKey; workingDays: number };

function lengthsOf(durations: StageDurations): StageLength[] {
  return STAGE_KEYS.map((key) => ({ key, workingDays: durations[key] }));
}

/**
 * Places stages back to back so that the stage at `anchorIndex` starts on the working day `anchor`.
 * Pure ordinal arithmetic on the calendar's index: O(number of stages).
 */
function placeStages(
  calendar: WorkingDayCalendar,
  stages: readonly StageLength[],
  anchor: number,
  anchorIndex: number,
): PlannedStage[] {
  let before = 0;
  for (let i = 0; i < anchorIndex; i++) before += stages[i]!.workingDays;
  let after = 0;
  for (let i = anchorIndex; i < stages.length; i++) after += stages[i]!.workingDays;
  // Cover both ends first (this may grow the index); positions taken afterwards stay valid.
  calendar.shift(anchor, -before);
  calendar.shift(anchor, after - 1);
  let position = calendar.ordinal(anchor) - before;
  const planned: PlannedStage[] = new Array<PlannedStage>(stages.length);
  for (let i = 0; i < stages.length; i++) {
    const { key, workingDays } = stages[i]!;
    planned[i] = {
      key,
      start: calendar.iso(calendar.dayAtOrdinal(position)),
      end: calendar.iso(calendar.dayAtOrdinal(position + workingDays - 1)),
      workingDays,
    };
    position += workingDays;
  }
  return planned;
}

function toPlan(calendar: WorkingDayCalendar, stages: PlannedStage[], notes: string[]): Plan {
  let workingDays = 0;
  for (const stage of stages) workingDays += stage.workingDays;
  return {
    region: calendar.region,
    start: stages[0]!.start,
    goLive: stages[stages.length - 1]!.start,
    workingDays,
    stages,
    notes,
  };
}

export function describePeriod(period: DatedPeriod): string {
  return `'${period.name}' (${formatDisplayDate(period.start)} – ${formatDisplayDate(period.end)})`;
}

/** The last possible go-live (working, not frozen) strictly before `day`. */
export function goLiveDayBefore(calendar: WorkingDayCalendar, day: number): number {
  let candidate = calendar.previous(day);
  while (calendar.isFrozen(candidate)) candidate = calendar.previous(candidate);
  return candidate;
}

/** The first possible go-live (working, not frozen) strictly after `day`. */
export function goLiveDayAfter(calendar: WorkingDayCalendar, day: number): number {
  let candidate = calendar.next(day);
  while (calendar.isFrozen(candidate)) candidate = calendar.next(candidate);
  return candidate;
}

export function describeReason(reason: NonWorkingReason): string {
  switch (reason.kind) {
    case "weekend":
      return "a weekend";
    case "holiday":
      return `a public holiday (${reason.name})`;
    case "closure":
      return `a company non-working day (${reason.name})`;
  }
}

function notAWorkingDay(
  calendar: WorkingDayCalendar,
  date: IsoDate,
  what: "go-live" | "start",
  suggestions: [IsoDate, IsoDate],
): AppError {
  const reason = calendar.nonWorkingReason(date)!;
  return new AppError(
    "UNPROCESSABLE",
    "NOT_A_WORKING_DAY",
    `${formatDisplayDate(date)} is ${describeReason(reason)} in ${calendar.region}, not a working day. ` +
      `Nearest possible ${what}: ${formatDisplayDate(suggestions[0])} or ${formatDisplayDate(suggestions[1])}.`,
    { date, field: what === "go-live" ? "goLive" : "start", reason, suggestions },
  );
}

/** Backward planning, the usual case: the go-live is the last working day of the window. */
export function planBackward(
  goLive: IsoDate,
  durations: StageDurations,
  calendar: WorkingDayCalendar,
): Plan {
  const { stages, notes } = planStagesBackward(goLive, lengthsOf(durations), calendar);
  return toPlan(calendar, stages, notes);
}

/**
 * Places `stages` (ending with PROD) back to back so that PROD starts on the go-live. A go-live on
 * a non-working day is refused with the nearest possible ones; one inside a freeze window moves to
 * the last possible go-live before it, and the notes say why.
 */
export function planStagesBackward(
  goLive: IsoDate,
  stages: readonly StageLength[],
  calendar: WorkingDayCalendar,
): { stages: PlannedStage[]; notes: string[] } {
  const asked = toDayNumber(goLive);
  if (!calendar.isWorking(asked)) {
    const suggestions: [IsoDate, IsoDate] = [
      calendar.iso(goLiveDayBefore(calendar, asked)),
      calendar.iso(goLiveDayAfter(calendar, asked)),
    ];
    throw notAWorkingDay(calendar, goLive, "go-live", suggestions);
  }
  const notes: string[] = [];
  let day = asked;
  if (calendar.isFrozen(asked)) {
    const freeze = calendar.freezeOn(goLive)!;
    day = goLiveDayBefore(calendar, asked);
    notes.push(
      `Go-live moved out of freeze window ${describePeriod(freeze)}: ${formatDisplayDate(goLive)} → ` +
        `${formatDisplayDate(calendar.iso(day))}, the last possible go-live before it.`,
    );
  }
  return { stages: placeStages(calendar, stages, day, stages.length - 1), notes };
}

/** Forward planning: from the first DEV day, the stages and the go-live they lead to. */
export function planForward(
  start: IsoDate,
  durations: StageDurations,
  calendar: WorkingDayCalendar,
): Plan {
  const startDay = toDayNumber(start);
  if (!calendar.isWorking(startDay)) {
    const suggestions: [IsoDate, IsoDate] = [
      calendar.iso(calendar.previous(startDay)),
      calendar.iso(calendar.next(startDay)),
    ];
    throw notAWorkingDay(calendar, start, "start", suggestions);
  }
  const stages = lengthsOf(durations);
  const planned = placeStages(calendar, stages, startDay, 0);
  return toPlan(calendar, ...keepGoLiveOutOfFreeze(calendar, stages, planned, "DEV start"));
}

/**
 * Re-plans the stages still ahead after a sign-off on `signedOffOn`: the next stage starts on the
 * next working day, each keeps its duration.
 */
export function replanRemaining(
  signedOffOn: IsoDate,
  remaining: readonly StageLength[],
  calendar: WorkingDayCalendar,
): { stages: PlannedStage[]; notes: string[] } {
  if (remaining.length === 0) return { stages: [], notes: [] };
  const planned = placeStages(calendar, remaining, calendar.next(toDayNumber(signedOffOn)), 0);
  const [stages, notes] = keepGoLiveOutOfFreeze(
    calendar,
    remaining,
    planned,
    `${remaining[0]!.key} start`,
  );
  return { stages, notes };
}

/**
 * If a forward-planned go-live lands in a freeze window, the go-live moves to the first possible
 * day after it and the stages are planned backward from there, so they stay contiguous and PREPROD
 * stays right before the go-live.
 */
function keepGoLiveOutOfFreeze(
  calendar: WorkingDayCalendar,
  stages: readonly StageLength[],
  planned: PlannedStage[],
  firstLabel: string,
): [PlannedStage[], string[]] {
  const last = planned[planned.length - 1]!;
  if (last.key !== "PROD") return [planned, []];
  const freeze = calendar.freezeOn(last.start);
  if (!freeze) return [planned, []];
  const goLive = goLiveDayAfter(calendar, toDayNumber(last.start));
  const moved = placeStages(calendar, stages, goLive, stages.length - 1);
  return [
    moved,
    [
      `Go-live would fall into freeze window ${describePeriod(freeze)}; moved to ` +
        `${formatDisplayDate(calendar.iso(goLive))}, the first possible go-live after it. ` +
        `The ${firstLabel} moves from ${formatDisplayDate(planned[0]!.start)} to ${formatDisplayDate(moved[0]!.start)}.`,
    ],
  ];
}

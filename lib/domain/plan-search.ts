// The earliest conflict-free go-live: from a wished go-live, the first go-live days whose whole
// plan fits — on every day of every stage window in an environment with a capacity, the releases
// already there plus this one stay within it — and whose go-live is a possible one (a working day
// outside freezes). Pure: the server hands in the calendar, the settings and where the other
// releases stand (their current forecast); the occupancy of the horizon is counted once, then the
// days are tried one by one in memory.
import type { EnvironmentCapacity, Occupancy } from "./conflicts";
import { type IsoDate, toDayNumber } from "./dates";
import { describeReason, type PlannedStage, planBackward } from "./planner";
import { STAGE_KEYS, type StageDurations, type StageKey } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

/** The longest search: a year of calendar days from the wish. */
export const MAX_HORIZON_DAYS = 366;
export const MAX_CANDIDATES = 10;
/** How many skipped dates an answer explains. */
export const MAX_SKIPPED = 20;

export type SearchCandidate = {
  goLive: IsoDate;
  start: IsoDate;
  stages: PlannedStage[];
  /** Working days after the wish (0: the wish itself, or the first possible day after it). */
  slipWorkingDays: number;
};

export type SkipReason =
  | {
      kind: "ENVIRONMENT_FULL";
      environment: StageKey;
      day: IsoDate;
      releases: { id: string; name: string }[];
    }
  | { kind: "FREEZE"; name: string }
  | { kind: "NOT_A_WORKING_DAY"; reason: string };

export type SkippedDate = { goLive: IsoDate; reasons: SkipReason[] };

export type PlanSearch = {
  /** The go-live wished for (from a wished start: the go-live of its forward plan). */
  wishedGoLive: IsoDate;
  candidates: SearchCandidate[];
  /** The first dates tried and refused, with why (plain weekends left out: never a go-live). */
  skipped: SkippedDate[];
};

export type PlanSearchInput = {
  wishedGoLive: IsoDate;
  calendar: WorkingDayCalendar;
  durations: StageDurations;
  capacity: EnvironmentCapacity;
  /** Where the other releases stand (the searching release itself left out). */
  occupancies: readonly Occupancy[];
  /** Calendar days after the wish that a go-live may lie in (the wish counted as day 0). */
  horizonDays?: number;
  count?: number;
};

/** Per capacity-limited environment, how many releases stand there on each day of a range. */
class OccupancyIndex {
  private readonly counts = new Map<StageKey, Int32Array>();
  private readonly byEnvironment = new Map<StageKey, Occupancy[]>();

  constructor(
    occupancies: readonly Occupancy[],
    private readonly capacity: EnvironmentCapacity,
    private readonly first: number,
    last: number,
  ) {
    const length = last - first + 1;
    for (const key of STAGE_KEYS) {
      if (capacity[key] !== null) this.counts.set(key, new Int32Array(length));
    }
    for (const occupancy of occupancies) {
      const counts = this.counts.get(occupancy.environment);
      if (!counts) continue;
      const list = this.byEnvironment.get(occupancy.environment) ?? [];
      if (list.length === 0) this.byEnvironment.set(occupancy.environment, list);
      list.push(occupancy);
      const from = Math.max(toDayNumber(occupancy.start), first);
      const to = Math.min(toDayNumber(occupancy.end), last);
      for (let day = from; day <= to; day++) counts[day - first]!++;
    }
  }

  /** The first day of the stage on which its environment has no room left, if any. */
  firstFullDay(stage: PlannedStage): number | undefined {
    const counts = this.counts.get(stage.key);
    if (!counts) return undefined;
    const limit = this.capacity[stage.key]!;
    const to = toDayNumber(stage.end);
    for (let day = toDayNumber(stage.start); day <= to; day++) {
      if (counts[day - this.first]! >= limit) return day;
    }
    return undefined;
  }

  /** Who stands in an environment on a day (only asked for the dates an answer explains). */
  occupants(environment: StageKey, day: IsoDate): { id: string; name: string }[] {
    const seen = new Map<string, string>();
    for (const occupancy of this.byEnvironment.get(environment) ?? []) {
      if (occupancy.start <= day && occupancy.end >= day)
        seen.set(occupancy.releaseId, occupancy.releaseName);
    }
    return [...seen].map(([id, name]) => ({ id, name }));
  }
}

/** The whole window before a go-live, in calendar days, with room to spare. */
export function windowDays(durations: StageDurations): number {
  let workingDays = 0;
  for (const key of STAGE_KEYS) workingDays += durations[key];
  // Working days are at least 5 in 7 calendar days; holidays and closures add a few weeks at most.
  return Math.ceil((workingDays * 7) / 5) + 60;
}

export function searchEarliestGoLive(input: PlanSearchInput): PlanSearch {
  const { calendar, durations, capacity } = input;
  const horizon = Math.min(input.horizonDays ?? MAX_HORIZON_DAYS, MAX_HORIZON_DAYS);
  const count = Math.min(input.count ?? 3, MAX_CANDIDATES);
  const wish = toDayNumber(input.wishedGoLive);
  const lastGoLive = wish + horizon;
  // Every stage window of every go-live tried lies in this range (PROD may last beyond its day).
  const margin = windowDays(durations);
  const index = new OccupancyIndex(input.occupancies, capacity, wish - margin, lastGoLive + margin);
  const candidates: SearchCandidate[] = [];
  const skipped: SkippedDate[] = [];
  const skip = (goLive: number, reasons: SkipReason[]) => {
    if (skipped.length < MAX_SKIPPED) skipped.push({ goLive: calendar.iso(goLive), reasons });
  };
  // The first possible go-live on or after the wish, from which slips are counted.
  const firstPossible = calendar.isWorking(wish) ? wish : calendar.next(wish);

  for (let day = wish; day <= lastGoLive && candidates.length < count; day++) {
    const date = calendar.iso(day);
    if (!calendar.isWorking(day)) {
      const reason = calendar.nonWorkingReason(date)!;
      if (reason.kind !== "weekend" || day === wish) {
        skip(day, [{ kind: "NOT_A_WORKING_DAY", reason: describeReason(reason) }]);
      }
      continue;
    }
    const freeze = calendar.freezeOn(date);
    if (freeze) {
      skip(day, [{ kind: "FREEZE", name: freeze.name }]);
      continue;
    }
    const plan = planBackward(date, durations, calendar);
    const reasons: SkipReason[] = [];
    for (const stage of plan.stages) {
      const full = index.firstFullDay(stage);
      if (full === undefined) continue;
      const fullDate = calendar.iso(full);
      reasons.push({
        kind: "ENVIRONMENT_FULL",
        environment: stage.key,
        day: fullDate,
        releases: index.occupants(stage.key, fullDate),
      });
    }
    if (reasons.length) {
      skip(day, reasons);
      continue;
    }
    candidates.push({
      goLive: plan.goLive,
      start: plan.start,
      stages: plan.stages,
      slipWorkingDays: calendar.count(firstPossible, day) - 1,
    });
  }
  return { wishedGoLive: input.wishedGoLive, candidates, skipped };
}

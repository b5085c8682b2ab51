// Release trains: a product's cadence (an RFC 5545 recurrence rule from a first go-live), a naming
// pattern and a region. Planning the next N releases of a train places each at its train date when
// its whole plan fits in the environments, otherwise at the earliest fitting go-live after it, each
// against the ones planned before it in the same batch. Pure; dates are calendar dates (the rule is
// evaluated on UTC midnights, so no time zone can shift a day).
import { AppError } from "../errors";

import { type EnvironmentCapacity, type Occupancy, occupanciesOf } from "./conflicts";
import { addDays, type IsoDate, yearOf } from "./dates";
import { type SearchCandidate, type SkipReason, searchEarliestGoLive } from "./plan-search";
import { parseRule, type RRule } from "./recurrence";
import type { StageDurations } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export { MAX_TRAIN_BATCH } from "./train-batch";

/** The placeholders a naming pattern may use. */
export const NAME_PLACEHOLDERS = ["{year}", "{n}", "{month}", "{date}", "{product}"] as const;

export const DEFAULT_VERSION_PATTERN = "{product}:{year}.{n}";

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/**
 * A cadence from its rule (`FREQ=WEEKLY;INTERVAL=4;BYDAY=TU`, an optional `RRULE:` prefix) and its
 * first go-live. A malformed rule, a start time of its own or a frequency finer than a day is a 400.
 */
export function parseCadence(rule: string, firstGoLive: IsoDate): RRule {
  return parseRule(rule, toUtc(firstGoLive), "the first go-live");
}

/** The first `count` train dates on or after `from` (fewer when the cadence ends). */
export function trainDates(cadence: RRule, from: IsoDate, count: number): IsoDate[] {
  const dates: IsoDate[] = [];
  let next = cadence.after(toUtc(from), true);
  while (next && dates.length < count && fromUtc(next) <= "2100-12-31") {
    dates.push(fromUtc(next));
    next = cadence.after(next, false);
  }
  return dates;
}

/** Refuses (422 EMPTY_CADENCE) a cadence that gives no date in the next two years. */
export function assertCadenceHasDates(cadence: RRule, from: IsoDate): void {
  const [next] = trainDates(cadence, from, 1);
  if (next && next <= addDays(from, 731)) return;
  throw new AppError(
    "UNPROCESSABLE",
    "EMPTY_CADENCE",
    "This rule gives no go-live in the next two years: check FREQ, BYDAY, UNTIL and COUNT.",
    { field: "rule" },
  );
}

/** Which train date of its year a date is (1 for the year's first), for `{n}`. */
export function ordinalInYear(cadence: RRule, date: IsoDate): number {
  const year = yearOf(date);
  const dates = cadence.between(toUtc(`${year}-01-01`), toUtc(date), true);
  return dates.length;
}

/** A name from a pattern: `Payments {year}.{n}` → `Payments 2027.3`. */
export function nameFromPattern(
  pattern: string,
  values: { date: IsoDate; n: number; product: string },
): string {
  return pattern
    .replaceAll("{year}", values.date.slice(0, 4))
    .replaceAll("{month}", values.date.slice(5, 7))
    .replaceAll("{date}", values.date)
    .replaceAll("{n}", String(values.n))
    .replaceAll("{product}", values.product);
}

export type TrainPlanItem = {
  trainDate: IsoDate;
  n: number;
  /** Where the release goes: its train date, or the earliest fitting go-live after it. */
  candidate: SearchCandidate | null;
  /** Why the train date itself was not taken (empty when it was). */
  reasons: SkipReason[];
};

/**
 * Plans releases at train dates, each at its date when the whole plan fits, else at the earliest
 * fitting go-live after it; every one counts against the ones after it in the batch. A date with
 * no fitting go-live within the horizon has no candidate (the batch cannot be created).
 */
export function planTrain(input: {
  cadence: RRule;
  dates: readonly IsoDate[];
  calendar: WorkingDayCalendar;
  durations: StageDurations;
  capacity: EnvironmentCapacity;
  occupancies: readonly Occupancy[];
}): TrainPlanItem[] {
  const occupancies = [...input.occupancies];
  return input.dates.map((trainDate, index) => {
    const search = searchEarliestGoLive({
      wishedGoLive: trainDate,
      calendar: input.calendar,
      durations: input.durations,
      capacity: input.capacity,
      occupancies,
      count: 1,
    });
    const candidate = search.candidates[0] ?? null;
    if (candidate) {
      occupancies.push(
        ...occupanciesOf({ id: `train-${index}`, name: trainDate }, candidate.stages),
      );
    }
    const onDate = candidate?.goLive === trainDate;
    const reasons = onDate
      ? []
      : (search.skipped.find((skipped) => skipped.goLive === trainDate)?.reasons ?? []);
    return { trainDate, n: ordinalInYear(input.cadence, trainDate), candidate, reasons };
  });
}

// Property-based tests: the indexed calendar and planner against the day-by-day reference, over
// random regions, dates from 2026 to 2035, durations and company closures.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import { addDays, fromDayNumber, type IsoDate, toDayNumber } from "./dates";
import type { PeriodRule } from "./periods";
import { planBackward, planForward } from "./planner";
import {
  ReferenceCalendar,
  referencePlanBackward,
  referencePlanForward,
} from "./reference/reference-calendar";
import { DEFAULT_STAGE_DURATIONS, STAGE_KEYS, type StageDurations } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const REGIONS = [
  "DE",
  "DE-BW",
  "DE-BY",
  "AT",
  "CH-ZH",
  "US-CA",
  "GB-ENG",
  "FR",
  "NL",
  "IT",
  "ES-MD",
  "JP",
];
const FIRST = toDayNumber("2026-01-01");
const LAST = toDayNumber("2035-12-31");

const dateArb = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
const durationsArb: fc.Arbitrary<StageDurations> = fc.oneof(
  fc.constant(DEFAULT_STAGE_DURATIONS),
  fc.record({
    DEV: fc.integer({ min: 1, max: 10 }),
    TEST: fc.integer({ min: 1, max: 15 }),
    LAST: fc.integer({ min: 1, max: 10 }),
    INT: fc.integer({ min: 1, max: 10 }),
    PREPROD: fc.integer({ min: 1, max: 15 }),
    PROD: fc.integer({ min: 1, max: 3 }),
  }),
);
/** Sometimes a company closure: yearly over New Year, or a one-off week. */
const closuresArb: fc.Arbitrary<PeriodRule[]> = fc.oneof(
  fc.constant<PeriodRule[]>([]),
  fc.constant<PeriodRule[]>([
    {
      name: "Year-end closure",
      start: "2026-12-27",
      end: "2027-01-01",
      recurrence: "YEARLY" as const,
    },
  ]),
  dateArb.map((start) => [
    { name: "Office move", start, end: addDays(start, 6), recurrence: "ONE_OFF" as const },
  ]),
);
const setupArb = fc.record({ region: fc.constantFrom(...REGIONS), closures: closuresArb });

const calendars = new Map<string, { indexed: WorkingDayCalendar; reference: ReferenceCalendar }>();
function calendarsFor(region: string, closures: PeriodRule[]) {
  const key = `${region}|${JSON.stringify(closures)}`;
  let pair = calendars.get(key);
  if (!pair) {
    pair = {
      indexed: new WorkingDayCalendar({ region, closures }),
      reference: new ReferenceCalendar(region, closures),
    };
    calendars.set(key, pair);
  }
  return pair;
}

const RUNS = { numRuns: 300 };

describe("indexed calendar = day-by-day reference", () => {
  it("agrees on working days, next, previous, shift and count", () => {
    fc.assert(
      fc.property(
        setupArb,
        dateArb,
        fc.integer({ min: 0, max: 60 }),
        ({ region, closures }, date, span) => {
          const { indexed, reference } = calendarsFor(region, closures);
          expect(indexed.isWorkingDay(date)).toBe(reference.isWorkingDay(date));
          expect(indexed.nextWorkingDay(date)).toBe(reference.nextWorkingDay(date));
          expect(indexed.previousWorkingDay(date)).toBe(reference.previousWorkingDay(date));
          const to = addDays(date, span);
          expect(indexed.countWorkingDays(date, to)).toBe(reference.countWorkingDays(date, to));
          const workingDay = reference.nextWorkingDay(date);
          let expected = workingDay;
          for (let i = 0; i < span; i++) expected = reference.nextWorkingDay(expected);
          expect(indexed.shiftWorkingDays(workingDay, span)).toBe(expected);
          expect(indexed.shiftWorkingDays(expected, -span)).toBe(workingDay);
        },
      ),
      RUNS,
    );
  });
});

function checkInvariants(
  plan: {
    start: IsoDate;
    goLive: IsoDate;
    workingDays: number;
    stages: { key: string; start: IsoDate; end: IsoDate; workingDays: number }[];
  },
  durations: StageDurations,
  calendar: ReferenceCalendar,
) {
  const total = STAGE_KEYS.reduce((sum, key) => sum + durations[key], 0);
  expect(plan.stages.map((s) => s.key)).toEqual([...STAGE_KEYS]);
  expect(plan.workingDays).toBe(total);
  plan.stages.forEach((stage, i) => {
    expect(calendar.isWorkingDay(stage.start)).toBe(true);
    expect(calendar.isWorkingDay(stage.end)).toBe(true);
    expect(stage.workingDays).toBe(durations[stage.key as keyof StageDurations]);
    expect(calendar.countWorkingDays(stage.start, stage.end)).toBe(stage.workingDays);
    const next = plan.stages[i + 1];
    if (next) expect(calendar.nextWorkingDay(stage.end)).toBe(next.start); // contiguous in working days
  });
  expect(calendar.countWorkingDays(plan.start, plan.stages.at(-1)!.end)).toBe(total);
  expect(plan.stages.at(-1)!.start).toBe(plan.goLive); // PROD starts on the go-live
}

describe("indexed planner = day-by-day reference planner", () => {
  it("plans backward identically, with every invariant of the window", () => {
    fc.assert(
      fc.property(setupArb, dateArb, durationsArb, ({ region, closures }, goLive, durations) => {
        const { indexed, reference } = calendarsFor(region, closures);
        if (!reference.isWorkingDay(goLive)) {
          const error = (() => {
            try {
              planBackward(goLive, durations, indexed);
            } catch (e) {
              return e as AppError;
            }
          })();
          expect(error?.code).toBe("NOT_A_WORKING_DAY");
          expect(error?.details).toMatchObject({
            suggestions: [reference.previousWorkingDay(goLive), reference.nextWorkingDay(goLive)],
          });
          return;
        }
        const plan = planBackward(goLive, durations, indexed);
        expect(plan.goLive).toBe(goLive);
        expect(plan.stages).toEqual(referencePlanBackward(goLive, durations, reference));
        checkInvariants(plan, durations, reference);
      }),
      RUNS,
    );
  });

  it("plans forward identically, with every invariant of the window", () => {
    fc.assert(
      fc.property(setupArb, dateArb, durationsArb, ({ region, closures }, date, durations) => {
        const { indexed, reference } = calendarsFor(region, closures);
        const start = reference.nextWorkingDay(date);
        const plan = planForward(start, durations, indexed);
        expect(plan.start).toBe(start);
        expect(plan.stages).toEqual(referencePlanForward(start, durations, reference));
        checkInvariants(plan, durations, reference);
      }),
      RUNS,
    );
  });

  it("never plans a go-live inside a freeze window, and explains every move", () => {
    const freezes: PeriodRule[] = [
      { name: "Year end", start: "2026-12-15", end: "2027-01-10", recurrence: "YEARLY" },
      { name: "Summer sale", start: "2026-07-01", end: "2026-07-14", recurrence: "YEARLY" },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...REGIONS), dateArb, (region, date) => {
        const calendar = new WorkingDayCalendar({ region, freezes });
        const reference = new ReferenceCalendar(region, [], freezes);
        const goLive = reference.nextWorkingDay(date);
        for (const plan of [
          planBackward(goLive, DEFAULT_STAGE_DURATIONS, calendar),
          planForward(goLive, DEFAULT_STAGE_DURATIONS, calendar),
        ]) {
          expect(reference.isFrozen(plan.goLive)).toBe(false);
          expect(reference.isWorkingDay(plan.goLive)).toBe(true);
          checkInvariants(plan, DEFAULT_STAGE_DURATIONS, reference);
        }
        const backward = planBackward(goLive, DEFAULT_STAGE_DURATIONS, calendar);
        expect(backward.notes.length > 0).toBe(reference.isFrozen(goLive));
        if (reference.isFrozen(goLive)) expect(backward.goLive < goLive).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

// The earliest conflict-free go-live: examples, and a property test against a brute-force oracle
// that tries every day of the horizon with the day-by-day reference calendar and planner and counts
// every environment's occupants day by day.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  DEFAULT_ENVIRONMENT_CAPACITY,
  type EnvironmentCapacity,
  type Occupancy,
} from "./conflicts";
import { addDays, fromDayNumber, type IsoDate, toDayNumber } from "./dates";
import type { PeriodRule } from "./periods";
import { searchEarliestGoLive } from "./plan-search";
import { planBackward } from "./planner";
import { ReferenceCalendar, referencePlanBackward } from "./reference/reference-calendar";
import { DEFAULT_STAGE_DURATIONS, STAGE_KEYS, type StageDurations, type StageKey } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");

function stay(id: string, environment: StageKey, start: IsoDate, end: IsoDate): Occupancy {
  return { releaseId: id, releaseName: `Release ${id}`, environment, start, end };
}

describe("the earliest conflict-free go-live", () => {
  it("is the wish itself when nothing stands in the way, then the next working days", () => {
    const search = searchEarliestGoLive({
      wishedGoLive: "2027-03-16",
      calendar,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: DEFAULT_ENVIRONMENT_CAPACITY,
      occupancies: [],
    });
    expect(search.candidates.map((c) => [c.goLive, c.slipWorkingDays])).toEqual([
      ["2027-03-16", 0],
      ["2027-03-17", 1],
      ["2027-03-18", 2],
    ]);
    const plan = planBackward("2027-03-16", DEFAULT_STAGE_DURATIONS, calendar);
    expect(search.candidates[0]).toEqual({
      goLive: plan.goLive,
      start: plan.start,
      stages: plan.stages,
      slipWorkingDays: 0,
    });
    expect(search.skipped).toEqual([]);
  });

  it("moves past a full exclusive environment and says by whom it was full", () => {
    const wished = planBackward("2027-03-16", DEFAULT_STAGE_DURATIONS, calendar);
    const load = wished.stages.find((stage) => stage.key === "LAST")!;
    // Another release holds LAST for the whole of the wished LAST window and two days more.
    const other = stay("a", "LAST", load.start, calendar.shiftWorkingDays(load.end, 2));
    const search = searchEarliestGoLive({
      wishedGoLive: "2027-03-16",
      calendar,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: DEFAULT_ENVIRONMENT_CAPACITY,
      occupancies: [other],
      count: 1,
    });
    const [first] = search.candidates;
    expect(first!.stages.find((s) => s.key === "LAST")!.start > other.end).toBe(true);
    expect(first!.slipWorkingDays).toBeGreaterThan(0);
    expect(search.skipped[0]).toEqual({
      goLive: "2027-03-16",
      reasons: [
        {
          kind: "ENVIRONMENT_FULL",
          environment: "LAST",
          day: load.start,
          releases: [{ id: "a", name: "Release a" }],
        },
      ],
    });
    // With room for two, the wish fits.
    const roomier = searchEarliestGoLive({
      wishedGoLive: "2027-03-16",
      calendar,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: { ...DEFAULT_ENVIRONMENT_CAPACITY, LAST: 2 },
      occupancies: [other],
      count: 1,
    });
    expect(roomier.candidates[0]!.goLive).toBe("2027-03-16");
  });

  it("skips freezes and holidays with their names; a plain weekend is not worth a line", () => {
    const frozen = new WorkingDayCalendar({
      region: "DE-BW",
      freezes: [
        { name: "Year-end freeze", start: "2026-12-18", end: "2027-01-08", recurrence: "ONE_OFF" },
      ],
    });
    const search = searchEarliestGoLive({
      wishedGoLive: "2026-12-19", // a Saturday inside the freeze
      calendar: frozen,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: DEFAULT_ENVIRONMENT_CAPACITY,
      occupancies: [],
      count: 1,
    });
    expect(search.candidates[0]!.goLive).toBe("2027-01-11");
    expect(search.skipped[0]).toEqual({
      goLive: "2026-12-19",
      reasons: [{ kind: "NOT_A_WORKING_DAY", reason: "a weekend" }],
    });
    expect(search.skipped).toContainEqual({
      goLive: "2026-12-21",
      reasons: [{ kind: "FREEZE", name: "Year-end freeze" }],
    });
    expect(search.skipped).toContainEqual({
      goLive: "2026-12-25",
      reasons: [{ kind: "NOT_A_WORKING_DAY", reason: "a public holiday (Christmas Day)" }],
    });
    expect(search.skipped.some((s) => s.goLive === "2026-12-20")).toBe(false); // a Sunday
    expect(search.skipped.length).toBeLessThanOrEqual(20);
  });

  it("answers no candidate, with its reasons, when nothing fits in the horizon", () => {
    const always = stay("busy", "INT", "2027-01-01", "2028-12-31");
    const search = searchEarliestGoLive({
      wishedGoLive: "2027-03-16",
      calendar,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: DEFAULT_ENVIRONMENT_CAPACITY,
      occupancies: [always],
      horizonDays: 30,
    });
    expect(search.candidates).toEqual([]);
    expect(search.skipped).toHaveLength(20);
    // Every working day was refused for INT; Good Friday and Easter Monday are not working days.
    expect(search.skipped.map((s) => s.reasons[0]!.kind)).toContain("ENVIRONMENT_FULL");
    expect(
      search.skipped.every((s) =>
        ["ENVIRONMENT_FULL", "NOT_A_WORKING_DAY"].includes(s.reasons[0]!.kind),
      ),
    ).toBe(true);
    expect(search.skipped.filter((s) => s.reasons[0]!.kind === "NOT_A_WORKING_DAY")).toHaveLength(
      2,
    );
  });
});

// --- against the oracle -------------------------------------------------------------------------

const REGIONS = ["DE-BW", "AT", "US-CA", "GB-ENG", "FR"];
const FIRST = toDayNumber("2026-06-01");
const LAST = toDayNumber("2030-06-30");
const dayArb = fc.integer({ min: FIRST, max: LAST });
const durationsArb: fc.Arbitrary<StageDurations> = fc.record({
  DEV: fc.integer({ min: 1, max: 4 }),
  TEST: fc.integer({ min: 1, max: 6 }),
  LAST: fc.integer({ min: 1, max: 5 }),
  INT: fc.integer({ min: 1, max: 5 }),
  PREPROD: fc.integer({ min: 1, max: 6 }),
  PROD: fc.integer({ min: 1, max: 2 }),
});
const capacityArb: fc.Arbitrary<EnvironmentCapacity> = fc.record({
  DEV: fc.constantFrom(null, 2),
  TEST: fc.constant(null),
  LAST: fc.constantFrom(1, 2),
  INT: fc.constantFrom(1, 2, null),
  PREPROD: fc.constantFrom(1, 3),
  PROD: fc.constantFrom(null, 1),
});
/** Up to two freezes, near the wish so that they matter. */
function freezesArb(near: number): fc.Arbitrary<PeriodRule[]> {
  return fc.array(
    fc
      .tuple(fc.integer({ min: near - 30, max: near + 120 }), fc.integer({ min: 0, max: 15 }))
      .map(([start, length]) => ({
        name: `Freeze ${fromDayNumber(start)}`,
        start: fromDayNumber(start),
        end: fromDayNumber(start + length),
        recurrence: "ONE_OFF" as const,
      })),
    { maxLength: 2 },
  );
}

function portfolioArb(near: number): fc.Arbitrary<Occupancy[]> {
  return fc.array(
    fc
      .tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...STAGE_KEYS),
        fc.integer({ min: near - 60, max: near + 150 }),
        fc.integer({ min: 0, max: 20 }),
      )
      .map(([id, environment, start, length]) =>
        stay(String(id), environment, fromDayNumber(start), fromDayNumber(start + length)),
      ),
    { maxLength: 40 },
  );
}

/** Tries every day of the horizon the slow, obvious way. */
function oracle(input: {
  wish: IsoDate;
  region: string;
  freezes: PeriodRule[];
  durations: StageDurations;
  capacity: EnvironmentCapacity;
  occupancies: Occupancy[];
  horizon: number;
  count: number;
}): IsoDate[] {
  const reference = new ReferenceCalendar(input.region, [], input.freezes);
  const found: IsoDate[] = [];
  for (let offset = 0; offset <= input.horizon && found.length < input.count; offset++) {
    const day = addDays(input.wish, offset);
    if (!reference.isWorkingDay(day) || reference.isFrozen(day)) continue;
    const stages = referencePlanBackward(day, input.durations, reference);
    const fits = stages.every((stage) => {
      const limit = input.capacity[stage.key];
      if (limit === null) return true;
      for (let date = stage.start; date <= stage.end; date = addDays(date, 1)) {
        const present = input.occupancies.filter(
          (o) => o.environment === stage.key && o.start <= date && o.end >= date,
        ).length;
        if (present + 1 > limit) return false;
      }
      return true;
    });
    if (fits) found.push(day);
  }
  return found;
}

describe("the search, against trying every day", () => {
  it("finds exactly the go-lives a brute-force search finds, in order", () => {
    fc.assert(
      fc.property(
        dayArb.chain((wish) =>
          fc.record({
            wish: fc.constant(fromDayNumber(wish)),
            region: fc.constantFrom(...REGIONS),
            freezes: freezesArb(wish),
            durations: durationsArb,
            capacity: capacityArb,
            occupancies: portfolioArb(wish),
            horizon: fc.integer({ min: 0, max: 120 }),
            count: fc.integer({ min: 1, max: 10 }),
          }),
        ),
        (input) => {
          const indexed = new WorkingDayCalendar({ region: input.region, freezes: input.freezes });
          const search = searchEarliestGoLive({
            wishedGoLive: input.wish,
            calendar: indexed,
            durations: input.durations,
            capacity: input.capacity,
            occupancies: input.occupancies,
            horizonDays: input.horizon,
            count: input.count,
          });
          expect(search.candidates.map((c) => c.goLive)).toEqual(oracle(input));
          // Every environment said to be full is full that day, by exactly the releases named.
          for (const skipped of search.skipped) {
            for (const reason of skipped.reasons) {
              if (reason.kind !== "ENVIRONMENT_FULL") continue;
              const present = input.occupancies.filter(
                (o) =>
                  o.environment === reason.environment &&
                  o.start <= reason.day &&
                  o.end >= reason.day,
              );
              expect(present.length).toBeGreaterThanOrEqual(input.capacity[reason.environment]!);
              expect(reason.releases.map((r) => r.id).sort()).toEqual(
                [...new Set(present.map((o) => o.releaseId))].sort(),
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

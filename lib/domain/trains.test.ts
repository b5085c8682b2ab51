import { describe, expect, it } from "vitest";

import { DEFAULT_ENVIRONMENT_CAPACITY } from "./conflicts";
import { DEFAULT_STAGE_DURATIONS } from "./stages";
import {
  assertCadenceHasDates,
  nameFromPattern,
  ordinalInYear,
  parseCadence,
  planTrain,
  trainDates,
} from "./trains";
import { WorkingDayCalendar } from "./working-days";

describe("a train's cadence", () => {
  it("gives its dates from the first go-live on, as calendar dates", () => {
    const fourWeekly = parseCadence("FREQ=WEEKLY;INTERVAL=4;BYDAY=TU", "2027-01-05");
    expect(trainDates(fourWeekly, "2027-01-01", 4)).toEqual([
      "2027-01-05",
      "2027-02-02",
      "2027-03-02",
      "2027-03-30",
    ]);
    expect(trainDates(fourWeekly, "2027-02-03", 2)).toEqual(["2027-03-02", "2027-03-30"]);
    const secondTuesday = parseCadence("RRULE:FREQ=MONTHLY;BYDAY=2TU", "2027-01-01");
    expect(trainDates(secondTuesday, "2027-01-01", 3)).toEqual([
      "2027-01-12",
      "2027-02-09",
      "2027-03-09",
    ]);
    expect(trainDates(parseCadence("FREQ=WEEKLY;COUNT=2", "2027-01-04"), "2027-01-01", 5)).toEqual([
      "2027-01-04",
      "2027-01-11",
    ]);
  });

  it("refuses a malformed rule, a time of day, a start of its own, and one with no dates", () => {
    for (const rule of [
      "garbage",
      "FREQ=WEEKLY;BYDAY=XX",
      "FREQ=HOURLY",
      "FREQ=DAILY;BYHOUR=9",
      "DTSTART=20270101;FREQ=WEEKLY",
    ]) {
      expect(() => parseCadence(rule, "2027-01-05"), rule).toThrow(
        expect.objectContaining({ code: "VALIDATION_FAILED" }),
      );
    }
    const ended = parseCadence("FREQ=WEEKLY;UNTIL=20261231T000000Z", "2027-01-05");
    expect(() => assertCadenceHasDates(ended, "2027-01-01")).toThrow(
      expect.objectContaining({ code: "EMPTY_CADENCE" }),
    );
    const late = parseCadence("FREQ=YEARLY", "2031-06-03");
    expect(() => assertCadenceHasDates(late, "2027-01-01")).toThrow(
      expect.objectContaining({ code: "EMPTY_CADENCE" }),
    );
    expect(() =>
      assertCadenceHasDates(parseCadence("FREQ=MONTHLY", "2027-02-01"), "2027-01-01"),
    ).not.toThrow();
  });

  it("names releases by their place in the year", () => {
    const cadence = parseCadence("FREQ=WEEKLY;INTERVAL=4;BYDAY=TU", "2026-12-08");
    expect(ordinalInYear(cadence, "2027-01-05")).toBe(1);
    expect(ordinalInYear(cadence, "2027-03-02")).toBe(3);
    expect(
      nameFromPattern("Payments {year}.{n} ({date}, {month})", {
        date: "2027-03-02",
        n: 3,
        product: "payments-api",
      }),
    ).toBe("Payments 2027.3 (2027-03-02, 03)");
    expect(
      nameFromPattern("{product}:{year}.{n}", { date: "2027-01-05", n: 1, product: "pay" }),
    ).toBe("pay:2027.1");
  });
});

describe("planning a batch of a train", () => {
  const calendar = new WorkingDayCalendar("DE-BW");

  it("places each release at its date when it fits, else at the earliest fitting day after it", () => {
    // Weekly go-lives: PREPROD (7 working days) cannot hold one release a week.
    const cadence = parseCadence("FREQ=WEEKLY;BYDAY=TU", "2027-04-06");
    const items = planTrain({
      cadence,
      dates: trainDates(cadence, "2027-04-06", 3),
      calendar,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: DEFAULT_ENVIRONMENT_CAPACITY,
      occupancies: [],
    });
    expect(items.map((item) => [item.trainDate, item.candidate?.goLive])).toEqual([
      ["2027-04-06", "2027-04-06"],
      ["2027-04-13", "2027-04-15"],
      ["2027-04-20", "2027-04-26"],
    ]);
    expect(items[0]!.reasons).toEqual([]);
    expect(items[1]!.candidate!.slipWorkingDays).toBe(2);
    expect(items[1]!.reasons).toEqual([
      expect.objectContaining({ kind: "ENVIRONMENT_FULL", environment: "PREPROD" }),
    ]);
    // The first train date of the year is the first go-live: numbered from there.
    expect(items.map((item) => item.n)).toEqual([1, 2, 3]);
  });

  it("moves a train date that is a holiday to the next possible go-live, and says why", () => {
    const cadence = parseCadence("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", "2027-12-25");
    const [item] = planTrain({
      cadence,
      dates: ["2028-12-25"],
      calendar,
      durations: DEFAULT_STAGE_DURATIONS,
      capacity: DEFAULT_ENVIRONMENT_CAPACITY,
      occupancies: [],
    });
    expect(item!.candidate!.goLive).toBe("2028-12-27");
    expect(item!.reasons).toEqual([
      { kind: "NOT_A_WORKING_DAY", reason: "a public holiday (Christmas Day)" },
    ]);
  });
});

import { describe, expect, it } from "vitest";

import { addDays } from "./dates";
import { planForward } from "./planner";
import { FOREVER, forecastOf, isAtRiskNow, spanOf, storedForecastOf } from "./progress";
import type { StageDates } from "./release";
import type { ReleaseStatus, StageStatus } from "./stages";
import { DEFAULT_STAGE_DURATIONS } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");

/** A release planned from `start`, its first `done` stages signed off on plan, the next one `current`. */
function release(
  start: string,
  done: number,
  current: StageStatus = "ACTIVE",
  status: ReleaseStatus = done > 0 || current !== "PENDING" ? "IN_PROGRESS" : "PLANNED",
  cal = calendar,
): { status: ReleaseStatus; stages: StageDates[] } {
  const plan = planForward(start, DEFAULT_STAGE_DURATIONS, cal);
  return {
    status,
    stages: plan.stages.map((stage, index) => ({
      key: stage.key,
      status: index < done ? "SIGNED_OFF" : index === done ? current : "PENDING",
      plannedStart: stage.start,
      plannedEnd: stage.end,
      actualStart: index <= done && !(index === done && current === "PENDING") ? stage.start : null,
      actualEnd: index < done ? stage.end : null,
      workingDays: stage.workingDays,
    })),
  };
}

describe("the honest forecast", () => {
  // Planned from Mon 1 Mar 2027: DEV 1–3 Mar, TEST 4–12 Mar, LAST 15–19 Mar, INT 22–30 Mar (Good
  // Friday and Easter Monday fall in it), PREPROD 31 Mar – 8 Apr, go-live Fri 9 Apr.
  const onPlan = release("2027-03-01", 1);
  const test = onPlan.stages[1]!;

  it("is the plan while no stage is past its planned end", () => {
    const forecast = forecastOf(onPlan, test.plannedEnd, calendar);
    expect(forecast.overdueStage).toBeNull();
    expect(forecast.goLive).toBe(onPlan.stages[5]!.plannedStart);
    expect(isAtRiskNow("IN_PROGRESS", forecast.goLive, forecast)).toBe(false);
  });

  it("pushes the rest from the next working day when the current stage runs past its end", () => {
    const today = calendar.shiftWorkingDays(test.plannedEnd, 2);
    const forecast = forecastOf(onPlan, today, calendar);
    expect(forecast.overdueStage).toBe("TEST");
    expect(forecast.stages[1]).toEqual({ key: "TEST", start: test.plannedStart, end: today });
    expect(forecast.stages[2]!.start).toBe(calendar.nextWorkingDay(today));
    // Durations kept: the go-live is two working days later than planned.
    expect(calendar.countWorkingDays(onPlan.stages[5]!.plannedStart, forecast.goLive)).toBe(3);
    expect(isAtRiskNow("IN_PROGRESS", onPlan.stages[5]!.plannedStart, forecast)).toBe(true);
  });

  it("moves a little more every day, without anyone clicking", () => {
    const day1 = calendar.shiftWorkingDays(test.plannedEnd, 1);
    const day2 = calendar.shiftWorkingDays(test.plannedEnd, 2);
    const a = forecastOf(onPlan, day1, calendar).goLive;
    const b = forecastOf(onPlan, day2, calendar).goLive;
    expect(calendar.countWorkingDays(a, b)).toBe(2);
  });

  it("counts from the next working day when today is a weekend or holiday", () => {
    // TEST was due Fri 12 Mar; on Sat 13 and Sun 14 it can close on Monday 15 at the earliest.
    const saturday = forecastOf(onPlan, "2027-03-13", calendar);
    const monday = forecastOf(onPlan, "2027-03-15", calendar);
    expect(saturday.stages[1]!.end).toBe("2027-03-15");
    expect(saturday.goLive).toBe(monday.goLive);
  });

  it("skips public holidays when it re-derives the stages (Easter in DE-BW)", () => {
    // LAST due Fri 19 Mar, still open on Wed 24 Mar: INT from Thu 25 Mar takes 5 working days,
    // and Good Friday (26 Mar) and Easter Monday (29 Mar) are not among them: it ends Fri 2 Apr.
    const atLast = release("2027-03-01", 2);
    const forecast = forecastOf(atLast, "2027-03-24", calendar);
    expect(forecast.overdueStage).toBe("LAST");
    expect(forecast.stages[3]).toEqual({ key: "INT", start: "2027-03-25", end: "2027-04-02" });
  });

  it("keeps a pushed go-live out of a freeze window and says so", () => {
    const frozen = new WorkingDayCalendar({
      region: "DE-BW",
      freezes: [
        { name: "Spring sale", start: "2027-04-19", end: "2027-04-23", recurrence: "ONE_OFF" },
      ],
    });
    const atTest = release("2027-03-01", 1, "ACTIVE", "IN_PROGRESS", frozen);
    const plannedGoLive = atTest.stages[5]!.plannedStart;
    // Pushed long enough, the go-live would land in the freeze: it moves to the first day after.
    let today = atTest.stages[1]!.plannedEnd;
    let forecast = forecastOf(atTest, today, frozen);
    while (forecast.goLive < "2027-04-19") {
      today = frozen.nextWorkingDay(today);
      forecast = forecastOf(atTest, today, frozen);
    }
    expect(plannedGoLive < "2027-04-19").toBe(true);
    expect(forecast.goLive).toBe("2027-04-26");
    expect(forecast.notes.join(" ")).toMatch(/freeze window/);
  });

  it("counts a DEV that was never opened although its planned end has passed", () => {
    const planned = release("2027-03-01", 0, "PENDING");
    expect(planned.status).toBe("PLANNED");
    const forecast = forecastOf(planned, "2027-03-08", calendar);
    expect(forecast.overdueStage).toBe("DEV");
    expect(forecast.stages[0]).toEqual({ key: "DEV", start: "2027-03-01", end: "2027-03-08" });
    // Its start alone having passed is not late yet.
    expect(forecastOf(planned, "2027-03-02", calendar).overdueStage).toBeNull();
  });

  it("also pushes a release on hold, but never one that is live or cancelled", () => {
    const today = calendar.shiftWorkingDays(test.plannedEnd, 3);
    expect(forecastOf({ ...onPlan, status: "ON_HOLD" }, today, calendar).overdueStage).toBe("TEST");
    expect(forecastOf({ ...onPlan, status: "CANCELLED" }, today, calendar).overdueStage).toBeNull();
    const live = release("2027-03-01", 6, "SIGNED_OFF", "LIVE");
    expect(forecastOf(live, "2027-06-01", calendar).goLive).toBe(live.stages[5]!.actualEnd);
  });
});

describe("the forecast stored for a day", () => {
  const planned = release("2027-03-01", 1);
  const onPlan = { ...planned, baselineGoLive: planned.stages[5]!.plannedStart };
  const days = (from: string, to: string) => {
    const list: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) list.push(day);
    return list;
  };
  const same = (a: ReturnType<typeof forecastOf>, b: ReturnType<typeof forecastOf>) =>
    expect({ stages: a.stages, goLive: a.goLive }).toEqual({ stages: b.stages, goLive: b.goLive });

  it("spans its stages as forecast, and holds until the current stage's planned end", () => {
    const today = "2027-03-05";
    const stored = storedForecastOf(onPlan, today, calendar);
    expect(stored).toEqual({
      start: "2027-03-01",
      end: onPlan.stages[5]!.plannedEnd,
      goLive: onPlan.stages[5]!.plannedStart,
      atRisk: false,
      holdsUntil: onPlan.stages[1]!.plannedEnd,
    });
    // Every day it claims to hold, the forecast of that day is the same; the next day it is not.
    for (const day of days(today, stored.holdsUntil))
      same(forecastOf(onPlan, day, calendar), forecastOf(onPlan, today, calendar));
    const after = forecastOf(onPlan, addDays(stored.holdsUntil, 1), calendar);
    expect(after.overdueStage).toBe("TEST");
  });

  it("holds an overdue forecast until the day the stage can close (over a weekend)", () => {
    // TEST ended Fri 12 Mar; on Saturday 13 it can close Monday 15 at the earliest.
    const stored = storedForecastOf(onPlan, "2027-03-13", calendar);
    expect(stored.holdsUntil).toBe("2027-03-15");
    expect(stored.atRisk).toBe(true);
    for (const day of days("2027-03-13", "2027-03-15"))
      same(forecastOf(onPlan, day, calendar), forecastOf(onPlan, "2027-03-13", calendar));
    expect(storedForecastOf(onPlan, "2027-03-16", calendar).goLive).not.toBe(stored.goLive);
  });

  it("holds for ever once nothing can move it: live, cancelled", () => {
    const live = {
      ...release("2027-03-01", 6, "SIGNED_OFF", "LIVE"),
      baselineGoLive: "2027-04-09",
    };
    expect(storedForecastOf(live, "2027-06-01", calendar).holdsUntil).toBe(FOREVER);
    expect(storedForecastOf({ ...onPlan, status: "CANCELLED" }, "2027-03-20", calendar)).toEqual(
      expect.objectContaining({ holdsUntil: FOREVER }),
    );
  });
});

describe("the span of a forecast", () => {
  it("runs from the first day of the first stage to the last of the last, gaps included", () => {
    expect(
      spanOf([
        { start: "2027-03-01", end: "2027-03-03" },
        { start: "2027-03-10", end: "2027-03-12" }, // after a freeze: a gap of days
        { start: "2027-03-15", end: "2027-03-15" },
      ]),
    ).toEqual({ start: "2027-03-01", end: "2027-03-15" });
    // A stage that starts after it ends (a go-live day before the handover) still counts its start.
    expect(spanOf([{ start: "2027-03-05", end: "2027-03-04" }])).toEqual({
      start: "2027-03-05",
      end: "2027-03-05",
    });
  });
});

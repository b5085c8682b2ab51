import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import { planBackward, planForward } from "./planner";
import { DEFAULT_STAGE_DURATIONS } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const bw = new WorkingDayCalendar("DE-BW");

describe("working-day calendar", () => {
  it("knows DE-BW public holidays", () => {
    expect(bw.nonWorkingReason("2027-03-26")).toEqual({ kind: "holiday", name: "Good Friday" });
    expect(bw.nonWorkingReason("2027-05-27")).toEqual({ kind: "holiday", name: "Corpus Christi" });
    expect(new WorkingDayCalendar("DE").isWorkingDay("2027-05-27")).toBe(true);
    expect(bw.nonWorkingReason("2027-03-27")).toEqual({ kind: "weekend" });
  });

  it("treats company closures as non-working", () => {
    const calendar = new WorkingDayCalendar("DE-BW", [
      { name: "Year-end closure", start: "2027-12-27", end: "2027-12-31" },
    ]);
    expect(calendar.nextWorkingDay("2027-12-24")).toBe("2028-01-03");
  });

  it("refuses unknown regions", () => {
    expect(() => new WorkingDayCalendar("XX-YY")).toThrow(AppError);
    expect(() => new WorkingDayCalendar("DE-ZZ")).toThrow(/Unknown holiday region/);
  });
});

describe("planBackward", () => {
  it("ends on the go-live and spans 28 working days around Easter 2027", () => {
    const plan = planBackward("2027-04-15", DEFAULT_STAGE_DURATIONS, bw);
    expect(plan.goLive).toBe("2027-04-15");
    expect(plan.workingDays).toBe(28);
    expect(bw.countWorkingDays(plan.start, plan.goLive)).toBe(28);
    expect(plan.stages.map((s) => [s.key, s.start, s.end])).toEqual([
      ["DEV", "2027-03-05", "2027-03-09"],
      ["TEST", "2027-03-10", "2027-03-18"],
      ["LAST", "2027-03-19", "2027-03-25"],
      // Good Friday (26 Mar) and Easter Monday (29 Mar) lie between LAST and INT
      ["INT", "2027-03-30", "2027-04-05"],
      ["PREPROD", "2027-04-06", "2027-04-14"],
      ["PROD", "2027-04-15", "2027-04-15"],
    ]);
  });

  it("refuses a go-live on a holiday and suggests the nearest working days", () => {
    try {
      planBackward("2027-03-29", DEFAULT_STAGE_DURATIONS, bw);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("NOT_A_WORKING_DAY");
      expect((error as AppError).details).toMatchObject({
        suggestions: ["2027-03-25", "2027-03-30"],
      });
    }
  });
});

describe("planForward", () => {
  it("is the inverse of planBackward", () => {
    const backward = planBackward("2027-06-01", DEFAULT_STAGE_DURATIONS, bw);
    const forward = planForward(backward.start, DEFAULT_STAGE_DURATIONS, bw);
    expect(forward.stages).toEqual(backward.stages);
  });
});

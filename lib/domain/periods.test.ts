import { describe, expect, it } from "vitest";

import { expandPeriods, wrapsYearEnd } from "./periods";

describe("expandPeriods", () => {
  it("keeps one-off periods that overlap the years", () => {
    const rules = [
      { name: "Move", start: "2027-03-01", end: "2027-03-05", recurrence: "ONE_OFF" as const },
      { name: "Old", start: "2020-01-01", end: "2020-01-02", recurrence: "ONE_OFF" as const },
    ];
    expect(expandPeriods(rules, 2027, 2027)).toEqual([
      { name: "Move", start: "2027-03-01", end: "2027-03-05" },
    ]);
  });

  it("repeats yearly periods, including ones wrapping over New Year", () => {
    const rule = {
      name: "Year end",
      start: "2026-12-20",
      end: "2027-01-06",
      recurrence: "YEARLY" as const,
    };
    expect(wrapsYearEnd(rule)).toBe(true);
    expect(expandPeriods([rule], 2028, 2028)).toEqual([
      { name: "Year end", start: "2027-12-20", end: "2028-01-06" },
      { name: "Year end", start: "2028-12-20", end: "2029-01-06" },
    ]);
  });

  it("moves a yearly 29 February to the 28th in common years", () => {
    const rule = {
      name: "Leap",
      start: "2028-02-29",
      end: "2028-02-29",
      recurrence: "YEARLY" as const,
    };
    expect(expandPeriods([rule], 2027, 2028).map((p) => p.start)).toEqual([
      "2027-02-28",
      "2028-02-29",
    ]);
  });
});

import { describe, expect, it } from "vitest";

import { assembleDeliveryReport, deliveryFactsOf, type DeliveryFigures } from "./delivery-report";
import type { StageDates } from "./release";
import { STAGE_KEYS, type StageStatus } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");

/** Six stages; `actual` gives the first ones' [start, end] (signed off; a null end = running). */
function stages(actual: [string, string | null][]): StageDates[] {
  return STAGE_KEYS.map((key, index) => {
    const [start, end] = actual[index] ?? [null, null];
    const status: StageStatus = end ? "SIGNED_OFF" : start ? "ACTIVE" : "PENDING";
    return {
      key,
      status,
      plannedStart: "2027-01-04",
      plannedEnd: "2027-01-08",
      actualStart: start,
      actualEnd: end,
      workingDays: 5,
    };
  });
}

describe("deliveryFactsOf", () => {
  it("counts a stage's working days to its sign-off, leaving the handover day to the one before", () => {
    const facts = deliveryFactsOf(
      {
        baselineGoLive: "2027-02-01",
        stages: stages([
          ["2027-01-04", "2027-01-08"], // Mon–Fri, but 6 January is a holiday in BW: 4
          ["2027-01-08", "2027-01-15"], // opens on DEV's last day: Mon 11 – Fri 15 = 5
          ["2027-01-18", "2027-01-19"], // a gap before it: Mon–Tue = 2
          ["2027-01-19", null], // running
        ]),
      },
      calendar,
    );
    expect(facts).toEqual({
      taken: [4, 5, 2, null, null, null],
      slipWorkingDays: null,
      leadTimeWorkingDays: null,
    });
  });

  it("once live, gives the slip against the baseline and the lead time from the first DEV day", () => {
    const live = stages([
      ["2027-01-04", "2027-01-08"],
      ["2027-01-08", "2027-01-15"],
      ["2027-01-15", "2027-01-22"],
      ["2027-01-22", "2027-01-29"],
      ["2027-01-29", "2027-02-03"],
      ["2027-02-03", "2027-02-04"], // live Thursday 4 February
    ]);
    expect(deliveryFactsOf({ baselineGoLive: "2027-02-01", stages: live }, calendar)).toEqual({
      taken: [4, 5, 5, 5, 3, 1],
      slipWorkingDays: 3,
      leadTimeWorkingDays: 23,
    });
    const early = deliveryFactsOf({ baselineGoLive: "2027-02-08", stages: live }, calendar);
    expect(early.slipWorkingDays).toBe(-2);
  });
});

describe("assembleDeliveryReport", () => {
  const figures: DeliveryFigures = {
    delivered: [],
    deliveredCount: 4,
    onTimeCount: 3,
    onTimeToOriginalCount: 1,
    leadTime: { average: 30, shortest: 28, longest: 33 },
    worstSlip: null,
    liveByMonth: { "2027-02": 3, "2027-03": 1 },
    plannedByMonth: { "2027-04": 2, "2026-12": 9 },
    stageSlips: [{ key: "TEST", count: 2, average: 1.5, worst: 2, worstRelease: "A" }],
    failures: { deployments: 4, withOutcome: 2, failures: 1, restoreDays: [3] },
  };

  it("lays the figures out: rates, every month of the period, every stage in process order", () => {
    const report = assembleDeliveryReport("2027-02-10", "2027-04-30", figures);
    expect(report.onTime).toEqual({ count: 3, of: 4, rate: 0.75 });
    expect(report.onTimeToOriginal).toEqual({ count: 1, of: 4, rate: 0.25 });
    expect(report.months.map((m) => [m.label, m.live, m.planned])).toEqual([
      ["Feb 2027", 3, 0],
      ["Mar 2027", 1, 0],
      ["Apr 2027", 0, 2],
    ]);
    expect(report.stageSlips.map((s) => [s.key, s.count, s.average])).toEqual([
      ["DEV", 0, null],
      ["TEST", 2, 1.5],
      ["LAST", 0, null],
      ["INT", 0, null],
      ["PREPROD", 0, null],
      ["PROD", 0, null],
    ]);
    expect(report.failures).toMatchObject({ changeFailureRate: 0.5, notRestored: 0 });
  });

  it("has no rate when nothing went live", () => {
    const report = assembleDeliveryReport("2027-02-01", "2027-02-28", {
      ...figures,
      deliveredCount: 0,
      onTimeCount: 0,
      onTimeToOriginalCount: 0,
    });
    expect(report.onTime.rate).toBeNull();
    expect(report.onTimeToOriginal.rate).toBeNull();
  });
});

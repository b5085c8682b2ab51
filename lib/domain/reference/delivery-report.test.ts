import { describe, expect, it } from "vitest";

import { planForward } from "../planner";
import { applyOutcome, decide, newReleaseState } from "../signoff";
import { DEFAULT_STAGE_DURATIONS, DEFAULT_STAGE_RULES, type ReleaseStatus } from "../stages";
import { WorkingDayCalendar } from "../working-days";

import { buildDeliveryReport, type ReportRelease } from "./delivery-report";

const calendar = new WorkingDayCalendar("DE-BW");

/**
 * A release planned forward from `start` and played through the sign-off rules (as the app does):
 * `late` says how many working days late (negative = early) a stage was signed off; the stage after
 * opens that day and is planned from the next working day.
 */
function played(
  name: string,
  start: string,
  options: {
    late?: Partial<Record<string, number>>;
    upTo?: number;
    status?: ReleaseStatus;
    originalGoLive?: string;
  } = {},
): ReportRelease {
  const plan = planForward(start, DEFAULT_STAGE_DURATIONS, calendar);
  let state = newReleaseState("creator", plan.stages, DEFAULT_STAGE_RULES);
  const approversOf = { QA: ["qa", "qa2"], RELEASE_MANAGER: ["rm", "rm2"] } as const;
  state.stages.slice(0, options.upTo ?? 6).forEach((stage, index) => {
    const rule = DEFAULT_STAGE_RULES[stage.key];
    const role = rule.allowedRoles[0] as "QA" | "RELEASE_MANAGER";
    const day = calendar.shiftWorkingDays(
      state.stages[index]!.plannedEnd,
      options.late?.[stage.key] ?? 0,
    );
    for (const id of approversOf[role].slice(0, stage.approvalsRequired)) {
      const actor = { id, role };
      const outcome = decide({
        release: state,
        key: stage.key,
        actor,
        decision: "APPROVE",
        comment: null,
        rule,
        today: day,
        calendar,
      });
      state = applyOutcome(state, outcome, id);
    }
  });
  return {
    id: name,
    name,
    version: "1.0",
    type: "RELEASE",
    status: options.status ?? state.status,
    region: "DE-BW",
    baselineGoLive: plan.goLive,
    originalGoLive: options.originalGoLive ?? plan.goLive,
    product: { key: "general", name: "General" },
    stages: state.stages,
  };
}

const report = (
  releases: ReportRelease[],
  from = "2027-01-01",
  to = "2027-06-30",
  today = "2027-04-14",
) => buildDeliveryReport({ releases, from, to, today, calendarOf: () => calendar });

describe("buildDeliveryReport", () => {
  const onTime = played("On time", "2027-01-11");
  const late = played("Late", "2027-02-01", { late: { LAST: 3 } });
  const early = played("Early", "2027-03-01", { late: { TEST: -1 } });

  it("counts a release live on or before its baseline as on time", () => {
    const result = report([onTime, late, early]);
    expect(result.delivered.map((r) => [r.name, r.slipWorkingDays, r.isOnTime])).toEqual([
      ["On time", 0, true],
      ["Late", 3, false],
      ["Early", -1, true],
    ]);
    expect(result.onTime).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  it("also reports on-time against the original plan, which a re-plan does not move", () => {
    // Re-planned once: the baseline moved a week later; it went live on that new baseline.
    const replanned = played("Replanned", "2027-02-08", { originalGoLive: "2027-03-10" });
    const result = report([onTime, replanned]);
    expect(result.delivered.map((r) => [r.name, r.isOnTime, r.isOnTimeToOriginal])).toEqual([
      ["On time", true, true],
      ["Replanned", true, false],
    ]);
    expect(result.onTimeToOriginal).toEqual({ count: 1, of: 2, rate: 0.5 });
  });

  it("measures lead time from the first DEV day to the go-live in working days", () => {
    const result = report([onTime, late, early]);
    expect(result.delivered.map((r) => r.leadTimeWorkingDays)).toEqual([28, 31, 27]);
    expect(result.leadTime).toEqual({ average: 86 / 3, shortest: 27, longest: 31 });
  });

  it("gives each stage's average and worst overrun of its planned length", () => {
    const result = report([onTime, late, early]);
    const slip = Object.fromEntries(result.stageSlips.map((s) => [s.key, s]));
    expect(slip.LAST).toEqual({
      key: "LAST",
      count: 3,
      average: 1,
      worst: 3,
      worstRelease: "Late",
    });
    expect(slip.TEST).toMatchObject({ count: 3, average: -1 / 3, worst: 0 });
    expect(slip.PROD).toMatchObject({ count: 3, average: 0, worst: 0 });
  });

  it("counts go-lives per month: live ones, and the honest forecast of releases on their way", () => {
    const running = played("Running", "2027-04-12", { upTo: 2 });
    const stuck = played("Stuck", "2027-03-01", { upTo: 1 });
    const cancelled = played("Cancelled", "2027-04-19", { upTo: 1, status: "CANCELLED" });
    // On 14 May, "Stuck" (go-live planned 9 Apr, TEST still open) and "Running" (LAST due 30 Apr,
    // still open) are both overdue: their honest forecasts fall in June.
    const result = report(
      [onTime, late, early, running, cancelled, stuck],
      undefined,
      undefined,
      "2027-05-14",
    );
    expect(stuck.stages.at(-1)!.plannedStart).toBe("2027-04-09");
    expect(result.months.map((m) => [m.label, m.live, m.planned])).toEqual([
      ["Jan 2027", 0, 0],
      ["Feb 2027", 1, 0],
      ["Mar 2027", 1, 0],
      ["Apr 2027", 1, 0],
      ["May 2027", 0, 0],
      ["Jun 2027", 0, 2],
    ]);
    // Without the overdue stages (a month earlier), "Running" still goes live in May as planned.
    const earlier = report([running], undefined, undefined, "2027-04-14");
    expect(earlier.months.find((m) => m.label === "May 2027")?.planned).toBe(1);
  });

  it("leaves out what happened outside the period, and says so when nothing did", () => {
    const result = report([onTime, late], "2027-05-01", "2027-05-31");
    expect(result.delivered).toEqual([]);
    expect(result.onTime.rate).toBeNull();
    expect(result.leadTime.average).toBeNull();
    expect(result.stageSlips.every((s) => s.count === 0 && s.average === null)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import type { PeriodRule } from "./periods";
import { planBackward, planForward, replanRemaining } from "./planner";
import { DEFAULT_STAGE_DURATIONS, type StageDurations } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const bw = new WorkingDayCalendar("DE-BW");
const YEAR_END_FREEZE: PeriodRule = {
  name: "Year end",
  start: "2026-12-20",
  end: "2027-01-06",
  recurrence: "YEARLY",
};

function stagesOf(plan: { stages: { key: string; start: string; end: string }[] }) {
  return plan.stages.map((s) => [s.key, s.start, s.end]);
}

function codeOf(run: () => unknown): { code: string; details: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, details: (error as AppError).details };
  }
  throw new Error("expected an AppError");
}

describe("planBackward, hand-checked", () => {
  it("places the 28 working days around Easter 2027 in DE-BW", () => {
    const plan = planBackward("2027-04-15", DEFAULT_STAGE_DURATIONS, bw);
    expect(plan).toMatchObject({
      region: "DE-BW",
      start: "2027-03-05",
      goLive: "2027-04-15",
      workingDays: 28,
      notes: [],
    });
    expect(stagesOf(plan)).toEqual([
      ["DEV", "2027-03-05", "2027-03-09"],
      ["TEST", "2027-03-10", "2027-03-18"],
      ["LAST", "2027-03-19", "2027-03-25"],
      // Good Friday (26 Mar) and Easter Monday (29 Mar) lie between LAST and INT
      ["INT", "2027-03-30", "2027-04-05"],
      ["PREPROD", "2027-04-06", "2027-04-14"],
      ["PROD", "2027-04-15", "2027-04-15"],
    ]);
  });

  it("skips Christmas, New Year and Epiphany", () => {
    const plan = planBackward("2027-01-07", DEFAULT_STAGE_DURATIONS, bw);
    expect(stagesOf(plan)).toEqual([
      ["DEV", "2026-11-26", "2026-11-30"],
      ["TEST", "2026-12-01", "2026-12-09"],
      ["LAST", "2026-12-10", "2026-12-16"],
      ["INT", "2026-12-17", "2026-12-23"],
      // 24 Dec is a working day; 25/26 Dec, 1 Jan and 6 Jan are holidays in BW
      ["PREPROD", "2026-12-24", "2027-01-05"],
      ["PROD", "2027-01-07", "2027-01-07"],
    ]);
  });

  it("knows Corpus Christi is a holiday in Baden-Württemberg but not in all of Germany", () => {
    const { code, details } = codeOf(() => planBackward("2027-05-27", DEFAULT_STAGE_DURATIONS, bw));
    expect(code).toBe("NOT_A_WORKING_DAY");
    expect(details).toMatchObject({
      reason: { kind: "holiday", name: "Corpus Christi" },
      suggestions: ["2027-05-26", "2027-05-28"],
    });
    const germany = planBackward(
      "2027-05-27",
      DEFAULT_STAGE_DURATIONS,
      new WorkingDayCalendar("DE"),
    );
    expect(germany.goLive).toBe("2027-05-27");
    expect(planBackward("2027-05-28", DEFAULT_STAGE_DURATIONS, bw).stages[4]!.end).toBe(
      "2027-05-26",
    );
  });

  it("handles the leap day 29 Feb 2028 as the ordinary Tuesday it is", () => {
    const plan = planBackward("2028-02-29", DEFAULT_STAGE_DURATIONS, bw);
    expect(plan.goLive).toBe("2028-02-29");
    expect(plan.stages[4]!.end).toBe("2028-02-28");
    expect(planBackward("2028-03-01", DEFAULT_STAGE_DURATIONS, bw).stages[4]!.end).toBe(
      "2028-02-29",
    );
  });

  it("refuses a weekend go-live and suggests the nearest working days", () => {
    const { code, details } = codeOf(() => planBackward("2027-03-13", DEFAULT_STAGE_DURATIONS, bw));
    expect(code).toBe("NOT_A_WORKING_DAY");
    expect(details).toMatchObject({
      field: "goLive",
      reason: { kind: "weekend" },
      suggestions: ["2027-03-12", "2027-03-15"],
    });
  });

  it("refuses dates outside the supported years instead of indexing centuries", () => {
    expect(codeOf(() => planBackward("2150-03-15", DEFAULT_STAGE_DURATIONS, bw)).code).toBe(
      "DATE_OUT_OF_RANGE",
    );
  });

  it("follows configured durations: the window is their sum and PROD may last longer", () => {
    const durations: StageDurations = { DEV: 2, TEST: 5, LAST: 3, INT: 3, PREPROD: 5, PROD: 2 };
    const plan = planBackward("2027-03-15", durations, bw);
    expect(plan.workingDays).toBe(20);
    expect(plan.stages.at(-1)).toMatchObject({
      key: "PROD",
      start: "2027-03-15",
      end: "2027-03-16",
    });
    expect(bw.countWorkingDays(plan.start, plan.stages.at(-1)!.end)).toBe(20);
  });
});

describe("freeze windows", () => {
  const frozen = new WorkingDayCalendar({ region: "DE-BW", freezes: [YEAR_END_FREEZE] });

  it("move a backward go-live to the last possible day before the freeze, and say so", () => {
    const plan = planBackward("2027-01-05", DEFAULT_STAGE_DURATIONS, frozen);
    expect(plan.goLive).toBe("2026-12-18");
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toMatch(/freeze window 'Year end'.*Tue 5 Jan 2027 → Fri 18 Dec 2026/);
  });

  it("allow a go-live right after the freeze, untouched", () => {
    const plan = planBackward("2027-01-07", DEFAULT_STAGE_DURATIONS, frozen);
    expect(plan.goLive).toBe("2027-01-07");
    expect(plan.notes).toEqual([]);
    // Work goes on inside a freeze: PREPROD runs through it.
    expect(plan.stages[4]).toMatchObject({ start: "2026-12-24", end: "2027-01-05" });
  });

  it("move a forward plan whose go-live falls into the freeze to the first possible day after it", () => {
    const unfrozen = planForward("2026-11-13", DEFAULT_STAGE_DURATIONS, bw);
    expect(unfrozen.goLive).toBe("2026-12-22");
    const plan = planForward("2026-11-13", DEFAULT_STAGE_DURATIONS, frozen);
    expect(plan.goLive).toBe("2027-01-07"); // 6 Jan is both the last freeze day and Epiphany
    expect(plan.workingDays).toBe(28);
    expect(plan.start).toBe("2026-11-26");
    expect(plan.notes[0]).toMatch(
      /moved to Thu 7 Jan 2027.*DEV start moves from Fri 13 Nov 2026 to Thu 26 Nov 2026/,
    );
  });

  it("apply only to the go-live: a start inside a freeze is fine", () => {
    expect(planForward("2026-12-21", DEFAULT_STAGE_DURATIONS, frozen).start).toBe("2026-12-21");
  });

  it("are skipped by the suggestions for a non-working go-live", () => {
    const { details } = codeOf(() => planBackward("2026-12-26", DEFAULT_STAGE_DURATIONS, frozen));
    expect(details).toMatchObject({ suggestions: ["2026-12-18", "2027-01-07"] });
  });
});

describe("planForward", () => {
  it("is the inverse of planBackward", () => {
    const backward = planBackward("2027-06-01", DEFAULT_STAGE_DURATIONS, bw);
    expect(planForward(backward.start, DEFAULT_STAGE_DURATIONS, bw)).toEqual(backward);
  });

  it("refuses a start on a holiday with the nearest working days", () => {
    const { code, details } = codeOf(() => planForward("2027-01-06", DEFAULT_STAGE_DURATIONS, bw));
    expect(code).toBe("NOT_A_WORKING_DAY");
    expect(details).toMatchObject({ field: "start", suggestions: ["2027-01-05", "2027-01-07"] });
  });
});

describe("replanRemaining", () => {
  const plan = planBackward("2027-04-15", DEFAULT_STAGE_DURATIONS, bw);
  const remaining = plan.stages.slice(2).map(({ key, workingDays }) => ({ key, workingDays }));

  it("starts the next stage the working day after a late sign-off and keeps durations", () => {
    // TEST was planned to end Thu 18 Mar; signed off Tue 23 Mar, 3 working days late.
    const { stages, notes } = replanRemaining("2027-03-23", remaining, bw);
    expect(notes).toEqual([]);
    expect(stagesOf({ stages })).toEqual([
      ["LAST", "2027-03-24", "2027-04-01"], // over Good Friday and Easter Monday
      ["INT", "2027-04-02", "2027-04-08"],
      ["PREPROD", "2027-04-09", "2027-04-19"],
      ["PROD", "2027-04-20", "2027-04-20"],
    ]);
  });

  it("moves an early sign-off's go-live earlier", () => {
    const { stages } = replanRemaining("2027-03-16", remaining, bw);
    expect(stages[0]!.start).toBe("2027-03-17");
    expect(stages.at(-1)!.start < plan.goLive).toBe(true);
  });
});

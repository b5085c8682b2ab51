import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import { planBackward } from "./planner";
import { replanRelease } from "./replan";
import type { ReleaseState } from "./signoff";
import { DEFAULT_STAGE_DURATIONS, DEFAULT_STAGE_RULES, type StageDurations } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");

function release(goLive: string, signedOff = 0, today = "2027-03-01"): ReleaseState {
  const plan = planBackward(goLive, DEFAULT_STAGE_DURATIONS, calendar);
  return {
    status: signedOff > 0 ? "IN_PROGRESS" : "PLANNED",
    createdById: "rm",
    stages: plan.stages.map((stage, index) => ({
      key: stage.key,
      status:
        index < signedOff
          ? "SIGNED_OFF"
          : index === signedOff && signedOff > 0
            ? "ACTIVE"
            : "PENDING",
      plannedStart: stage.start,
      plannedEnd: stage.end,
      actualStart: index <= signedOff && signedOff > 0 ? stage.start : null,
      actualEnd: index < signedOff ? (stage.end < today ? stage.end : today) : null,
      workingDays: stage.workingDays,
      approvalsRequired: 1,
      approvalRound: 1,
      approvals: [],
      approverIds: [],
    })),
  };
}

const base = { durations: DEFAULT_STAGE_DURATIONS, rules: DEFAULT_STAGE_RULES, calendar };

describe("replanRelease", () => {
  it("derives the whole plan again with the current durations before anything started", () => {
    const shorter: StageDurations = { ...DEFAULT_STAGE_DURATIONS, TEST: 5 };
    const result = replanRelease({
      ...base,
      durations: shorter,
      release: release("2027-04-15"),
      request: { goLive: "2027-05-14" },
      today: "2027-03-01",
    });
    expect(result.baselineGoLive).toBe("2027-05-14");
    expect(result.stageChanges[1]).toMatchObject({ key: "TEST", workingDays: 5 });
    expect(result.stageChanges.at(-1)).toMatchObject({
      key: "PROD",
      plannedStart: "2027-05-14",
      plannedEnd: "2027-05-14",
    });
  });

  it("may also start over from a new DEV start before anything started", () => {
    const result = replanRelease({
      ...base,
      release: release("2027-04-15"),
      request: { start: "2027-04-01" },
      today: "2027-03-01",
    });
    expect(result.stageChanges[0]).toMatchObject({ key: "DEV", plannedStart: "2027-04-01" });
  });

  it("keeps signed-off stages and places the rest backward from the new go-live once under way", () => {
    const underWay = release("2027-04-15", 2, "2027-03-18"); // DEV and TEST done, LAST active
    const result = replanRelease({
      ...base,
      release: underWay,
      request: { goLive: "2027-04-22" },
      today: "2027-03-18",
    });
    expect(result.stageChanges.map((change) => change.key)).toEqual([
      "LAST",
      "INT",
      "PREPROD",
      "PROD",
    ]);
    expect(result.stageChanges.at(-1)).toMatchObject({ plannedStart: "2027-04-22" });
    expect(result.stageChanges.every((change) => change.workingDays === undefined)).toBe(true);
    expect(result.baselineGoLive).toBe("2027-04-22");
  });

  it("refuses a go-live the remaining stages cannot reach, naming the earliest possible one", () => {
    const underWay = release("2027-04-15", 2, "2027-03-18");
    try {
      replanRelease({
        ...base,
        release: underWay,
        request: { goLive: "2027-03-31" },
        today: "2027-03-18",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("GO_LIVE_TOO_EARLY");
      // LAST ends today (Thu 18 Mar); INT 19–25 Mar; PREPROD 30 Mar – 7 Apr (after Easter); PROD 8 Apr.
      expect((error as AppError).details).toEqual({ suggestions: ["2027-04-08"] });
    }
  });

  it("refuses a new start once DEV began, and any re-plan of a closed release", () => {
    const underWay = release("2027-04-15", 1, "2027-03-10");
    expect(() =>
      replanRelease({
        ...base,
        release: underWay,
        request: { start: "2027-04-01" },
        today: "2027-03-10",
      }),
    ).toThrow(/new go-live/);
    expect(() =>
      replanRelease({
        ...base,
        release: { ...underWay, status: "LIVE" },
        request: { goLive: "2027-05-03" },
        today: "2027-03-10",
      }),
    ).toThrow(/live release cannot be re-planned/);
  });
});

describe("replanRelease with a new stage end", () => {
  // Go-live Thu 15 Apr 2027: LAST 19–25 Mar, INT 30 Mar – 5 Apr (Easter in between), PREPROD 6–14 Apr.
  const underWay = () => release("2027-04-15", 2, "2027-03-22"); // DEV and TEST done, LAST active
  const stageEnd = (
    key: "DEV" | "TEST" | "LAST" | "INT" | "PREPROD" | "PROD",
    end: string,
    today = "2027-03-22",
  ) => replanRelease({ ...base, release: underWay(), request: { stageEnd: { key, end } }, today });

  it("lengthens the stage and moves every stage after it, keeping their lengths", () => {
    const result = stageEnd("LAST", "2027-03-30");
    expect(result.stageChanges).toEqual([
      { key: "LAST", plannedEnd: "2027-03-30", workingDays: 6 },
      { key: "INT", plannedStart: "2027-03-31", plannedEnd: "2027-04-06" },
      { key: "PREPROD", plannedStart: "2027-04-07", plannedEnd: "2027-04-15" },
      { key: "PROD", plannedStart: "2027-04-16", plannedEnd: "2027-04-16" },
    ]);
    expect(result.baselineGoLive).toBe("2027-04-16");
  });

  it("shortens a stage and pulls the rest forward", () => {
    const result = stageEnd("LAST", "2027-03-23");
    expect(result.stageChanges[0]).toEqual({
      key: "LAST",
      plannedEnd: "2027-03-23",
      workingDays: 3,
    });
    expect(result.baselineGoLive).toBe("2027-04-13");
  });

  it("moves a later stage without touching the ones before it", () => {
    const result = stageEnd("INT", "2027-04-07");
    expect(result.stageChanges.map((c) => c.key)).toEqual(["INT", "PREPROD", "PROD"]);
    expect(result.stageChanges[0]).toEqual({
      key: "INT",
      plannedEnd: "2027-04-07",
      workingDays: 7,
    });
  });

  it("moves a go-live that would land in a freeze past it and says so", () => {
    const frozen = new WorkingDayCalendar({
      region: "DE-BW",
      closures: [],
      freezes: [
        { name: "Quarter close", start: "2027-04-16", end: "2027-04-16", recurrence: "ONE_OFF" },
      ],
    });
    const result = replanRelease({
      ...base,
      calendar: frozen,
      release: underWay(),
      request: { stageEnd: { key: "LAST", end: "2027-03-30" } },
      today: "2027-03-22",
    });
    expect(result.baselineGoLive).toBe("2027-04-19");
    expect(result.notes.join(" ")).toMatch(/freeze window 'Quarter close'/);
  });

  it("refuses what cannot be: PROD, a signed-off stage, a non-working day, before the start, the past", () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as AppError).code;
      }
      return "no error";
    };
    expect(codeOf(() => stageEnd("PROD", "2027-04-16"))).toBe("USE_GO_LIVE");
    expect(codeOf(() => stageEnd("TEST", "2027-03-23"))).toBe("STAGE_CLOSED");
    expect(codeOf(() => stageEnd("LAST", "2027-03-27"))).toBe("NOT_A_WORKING_DAY"); // a Saturday
    expect(codeOf(() => stageEnd("LAST", "2027-03-29"))).toBe("NOT_A_WORKING_DAY"); // Easter Monday
    expect(codeOf(() => stageEnd("INT", "2027-03-25"))).toBe("END_BEFORE_START");
    expect(codeOf(() => stageEnd("LAST", "2027-03-22", "2027-03-23"))).toBe("END_IN_PAST");
    try {
      stageEnd("LAST", "2027-03-27");
    } catch (error) {
      expect((error as AppError).details).toMatchObject({
        field: "end",
        suggestions: ["2027-03-25", "2027-03-30"],
      });
    }
  });
});

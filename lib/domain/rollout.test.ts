import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import {
  draftRollout,
  followGoLive,
  type RolloutPlan,
  rolloutPlanBlocker,
  rolloutProblem,
  rolloutProgress,
  stepDoneBlocker,
} from "./rollout";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar({
  region: "DE-BW",
  freezes: [{ name: "Spring sale", start: "2027-04-19", end: "2027-04-23", recurrence: "ONE_OFF" }],
});
// Go-live Wed 7 Apr 2027 (after Easter).
const goLive = "2027-04-07";

function problem(plan: RolloutPlan): { code: string; details?: unknown } | undefined {
  const error = rolloutProblem(plan, goLive, calendar);
  if (!error) return undefined;
  expect(error).toBeInstanceOf(AppError);
  return { code: error.code, details: error.details };
}

const waves = (...steps: [string, number][]): RolloutPlan => ({
  strategy: "STAGGERED",
  steps: steps.map(([date, percent]) => ({ date, percent })),
});

describe("planning a rollout", () => {
  it("accepts staggered waves on working days from the go-live, rising to 100 %", () => {
    expect(
      problem(waves(["2027-04-07", 10], ["2027-04-09", 50], ["2027-04-13", 100])),
    ).toBeUndefined();
    expect(problem({ strategy: "BIG_BANG", steps: [] })).toBeUndefined();
  });

  it("refuses a wave on a weekend or holiday, with the nearest possible days", () => {
    // Sat 10 Apr: the nearest are Fri 9 and Mon 12.
    expect(problem(waves(["2027-04-07", 10], ["2027-04-10", 100]))).toEqual({
      code: "NOT_A_WORKING_DAY",
      details: expect.objectContaining({ step: 2, suggestions: ["2027-04-09", "2027-04-12"] }),
    });
  });

  it("refuses a wave inside a freeze window, like a go-live, with days around it", () => {
    expect(problem(waves(["2027-04-07", 10], ["2027-04-21", 100]))).toEqual({
      code: "IN_FREEZE",
      details: expect.objectContaining({ step: 2, suggestions: ["2027-04-16", "2027-04-26"] }),
    });
  });

  it("refuses steps before the go-live, out of order, or shares that do not rise to 100 %", () => {
    expect(problem(waves(["2027-04-06", 10], ["2027-04-08", 100]))?.code).toBe("BAD_STEPS");
    expect(problem(waves(["2027-04-09", 10], ["2027-04-08", 100]))?.code).toBe("BAD_STEPS");
    expect(problem(waves(["2027-04-07", 50], ["2027-04-08", 50]))?.code).toBe("BAD_STEPS");
    expect(problem(waves(["2027-04-07", 10], ["2027-04-08", 90]))?.code).toBe("BAD_STEPS");
    expect(problem(waves(["2027-04-07", 0], ["2027-04-08", 100]))?.code).toBe("BAD_STEPS");
    expect(problem({ strategy: "CANARY", steps: [] })?.code).toBe("BAD_STEPS");
    expect(problem({ strategy: "BIG_BANG", steps: [{ date: goLive, percent: 100 }] })?.code).toBe(
      "BAD_STEPS",
    );
  });

  it("switches each flag of a dark launch on on its own day", () => {
    const flags = ["new-checkout", "wallets"];
    const plan = (labels: string[]): RolloutPlan => ({
      strategy: "DARK_LAUNCH",
      flags,
      steps: labels.map((label, i) => ({
        date: ["2027-04-08", "2027-04-12", "2027-04-13"][i]!,
        label,
      })),
    });
    expect(problem(plan(["new-checkout", "wallets"]))).toBeUndefined();
    expect(problem(plan(["new-checkout"]))?.code).toBe("BAD_STEPS"); // wallets never switched on
    expect(problem(plan(["new-checkout", "unknown"]))?.code).toBe("BAD_STEPS");
    expect(problem(plan(["new-checkout", "wallets", "wallets"]))?.code).toBe("BAD_STEPS");
    expect(problem({ strategy: "DARK_LAUNCH", flags: [], steps: [{ date: goLive }] })?.code).toBe(
      "BAD_STEPS",
    );
  });

  it("is locked once the release is live", () => {
    expect(rolloutPlanBlocker("IN_PROGRESS")).toBeUndefined();
    expect(rolloutPlanBlocker("LIVE")?.code).toBe("ROLLOUT_LOCKED");
  });
});

describe("a rollout under way", () => {
  const steps = [
    { position: 1, date: "2027-04-07", percent: 10, doneOn: "2027-04-07" },
    { position: 2, date: "2027-04-09", percent: 50, doneOn: null },
    { position: 3, date: "2027-04-13", percent: 100, doneOn: null },
  ];

  it("marks steps done in order, once, after the go-live", () => {
    expect(stepDoneBlocker("LIVE", steps, 2)).toBeUndefined();
    expect(stepDoneBlocker("LIVE", steps, 3)?.code).toBe("BAD_STEPS");
    expect(stepDoneBlocker("LIVE", steps, 1)?.code).toBe("DUPLICATE");
    expect(stepDoneBlocker("IN_PROGRESS", steps, 2)?.code).toBe("RELEASE_NOT_LIVE");
    expect(stepDoneBlocker("LIVE", steps, 9)?.code).toBe("NOT_FOUND");
  });

  it("is fully rolled out at its last step; a big bang at the go-live", () => {
    expect(rolloutProgress("STAGGERED", steps, "2027-04-07")).toEqual({
      done: 1,
      total: 3,
      completedOn: null,
    });
    const all = steps.map((step) => ({ ...step, doneOn: step.date }));
    expect(rolloutProgress("STAGGERED", all, "2027-04-07").completedOn).toBe("2027-04-13");
    expect(rolloutProgress("BIG_BANG", [], "2027-04-07").completedOn).toBe("2027-04-07");
  });
});

describe("a draft rollout", () => {
  it("proposes waves on possible days after the go-live, skipping a freeze", () => {
    const waves = draftRollout("STAGGERED", "2027-04-14", calendar);
    expect(waves.map((w) => [w.date, w.percent])).toEqual([
      ["2027-04-14", 10],
      ["2027-04-16", 50],
      // The spring sale freeze (19–23 Apr) is skipped.
      ["2027-04-27", 100],
    ]);
    expect(
      rolloutProblem({ strategy: "STAGGERED", steps: waves }, "2027-04-14", calendar),
    ).toBeUndefined();
    expect(draftRollout("BIG_BANG", goLive, calendar)).toEqual([]);
  });
});

describe("a rollout when the go-live moves", () => {
  it("keeps each step's distance from the go-live in possible days", () => {
    const planned = [
      { date: "2027-04-07", percent: 10 },
      { date: "2027-04-09", percent: 50 },
      { date: "2027-04-13", percent: 100 },
    ];
    // Live four working days earlier, on Thu 1 Apr: the waves come as much earlier.
    expect(followGoLive(planned, "2027-04-07", "2027-04-01", calendar).map((s) => s.date)).toEqual([
      "2027-04-01",
      "2027-04-05",
      "2027-04-07",
    ]);
    // Later, into the spring sale freeze: the waves skip it.
    expect(followGoLive(planned, "2027-04-07", "2027-04-16", calendar).map((s) => s.date)).toEqual([
      "2027-04-16",
      "2027-04-27",
      "2027-04-29",
    ]);
    expect(followGoLive(planned, "2027-04-07", "2027-04-07", calendar)).toEqual(planned);
  });
});

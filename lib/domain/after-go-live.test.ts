import { describe, expect, it } from "vitest";

import {
  afterGoLivePhase,
  changeFailures,
  observationEndOf,
  outcomeProblem,
} from "./after-go-live";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");

describe("the observation window", () => {
  it("lasts the given working days after the go-live day, skipping weekends and holidays", () => {
    // Live Thu 25 Mar 2027: Fri 26 (Good Friday) and Mon 29 (Easter Monday) do not count.
    expect(observationEndOf("2027-03-25", 5, calendar)).toBe("2027-04-05");
    expect(observationEndOf("2027-03-01", 1, calendar)).toBe("2027-03-02");
  });

  it("is observed up to its last day, then the outcome is due until it is recorded", () => {
    const live = { observationEnd: "2027-03-08", outcome: null };
    expect(afterGoLivePhase(live, "2027-03-08")).toBe("OBSERVING");
    expect(afterGoLivePhase(live, "2027-03-09")).toBe("OUTCOME_DUE");
    expect(afterGoLivePhase({ ...live, outcome: "KEPT" }, "2027-03-05")).toBe("RECORDED");
  });
});

describe("recording an outcome", () => {
  const base = {
    status: "LIVE" as const,
    liveOn: "2027-03-01",
    releaseId: "r-1",
    today: "2027-03-10",
  };
  const code = (input: Partial<Parameters<typeof outcomeProblem>[0]>) =>
    outcomeProblem({ ...base, outcome: { outcome: "KEPT" }, ...input })?.code;

  it("needs a live release", () => {
    expect(code({})).toBeUndefined();
    expect(code({ status: "IN_PROGRESS", liveOn: null })).toBe("RELEASE_NOT_LIVE");
  });

  it("rolls forward only by a patch of this very release", () => {
    const forward = { outcome: "ROLLED_FORWARD" as const };
    expect(code({ outcome: forward, patch: { type: "PATCH", parentId: "r-1" } })).toBeUndefined();
    expect(code({ outcome: forward, patch: { type: "PATCH", parentId: "r-2" } })).toBe(
      "PATCH_NOT_OF_RELEASE",
    );
    expect(code({ outcome: forward, patch: { type: "RELEASE", parentId: null } })).toBe(
      "PATCH_NOT_OF_RELEASE",
    );
    expect(code({ outcome: forward, patch: null })).toBe("PATCH_NOT_OF_RELEASE");
  });

  it("restores a roll-back between the go-live and today", () => {
    const back = (restoredOn: string) => ({
      outcome: "ROLLED_BACK" as const,
      rolledBackTo: "3.2.0",
      restoredOn,
    });
    expect(code({ outcome: back("2027-03-02") })).toBeUndefined();
    expect(code({ outcome: back("2027-02-28") })).toBe("DATE_OUT_OF_RANGE");
    expect(code({ outcome: back("2027-03-11") })).toBe("DATE_OUT_OF_RANGE");
  });
});

describe("change failure rate and time to restore (DORA)", () => {
  it("counts roll-backs and roll-forwards among the go-lives whose outcome is known", () => {
    const report = changeFailures([
      { liveOn: "2027-01-10", outcome: "KEPT", restoredOn: null },
      { liveOn: "2027-02-01", outcome: "ROLLED_BACK", restoredOn: "2027-02-02" },
      { liveOn: "2027-03-01", outcome: "ROLLED_FORWARD", restoredOn: "2027-03-05" },
      // The fixing patch is not live yet: a failure, not restored.
      { liveOn: "2027-03-20", outcome: "ROLLED_FORWARD", restoredOn: null },
      // Still under observation: not in the rate.
      { liveOn: "2027-04-01", outcome: null, restoredOn: null },
    ]);
    expect(report).toMatchObject({
      deployments: 5,
      withOutcome: 4,
      failures: 3,
      changeFailureRate: 0.75,
      restoreDays: [1, 4],
      meanTimeToRestoreDays: 2.5,
      medianTimeToRestoreDays: 2.5,
      notRestored: 1,
    });
  });

  it("says nothing when nothing is known", () => {
    const report = changeFailures([{ liveOn: "2027-04-01", outcome: null, restoredOn: null }]);
    expect(report.changeFailureRate).toBeNull();
    expect(report.meanTimeToRestoreDays).toBeNull();
  });
});

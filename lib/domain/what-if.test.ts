import { describe, expect, it } from "vitest";

import { DEFAULT_ENVIRONMENT_CAPACITY } from "./conflicts";
import { planBackward } from "./planner";
import { replanRelease } from "./replan";
import type { ReleaseState } from "./signoff";
import { DEFAULT_STAGE_DURATIONS, DEFAULT_STAGE_RULES } from "./stages";
import { whatIf } from "./what-if";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar({
  region: "DE-BW",
  closures: [],
  freezes: [
    { name: "Quarter close", start: "2027-04-16", end: "2027-04-16", recurrence: "ONE_OFF" },
  ],
});

/** Go-live Thu 15 Apr 2027 (LAST 19–25 Mar, INT 30 Mar – 5 Apr, PREPROD 6–14 Apr); DEV and TEST signed off. */
function underWay(): ReleaseState & { id: string; name: string; baselineGoLive: string } {
  const plan = planBackward("2027-04-15", DEFAULT_STAGE_DURATIONS, calendar);
  return {
    id: "r1",
    name: "Billing 1.0",
    baselineGoLive: "2027-04-15",
    status: "IN_PROGRESS",
    createdById: "rm",
    stages: plan.stages.map((stage, index) => ({
      key: stage.key,
      status: index < 2 ? "SIGNED_OFF" : index === 2 ? "ACTIVE" : "PENDING",
      plannedStart: stage.start,
      plannedEnd: stage.end,
      actualStart: index <= 2 ? stage.start : null,
      actualEnd: index < 2 ? stage.end : null,
      workingDays: stage.workingDays,
      approvalsRequired: 1,
      approvalRound: 1,
      approvals: [],
      approverIds: [],
    })),
  };
}

function preview(end: string, others: Parameters<typeof whatIf>[0]["others"] = []) {
  const release = underWay();
  const replan = replanRelease({
    release,
    request: { stageEnd: { key: "LAST", end } },
    durations: DEFAULT_STAGE_DURATIONS,
    rules: DEFAULT_STAGE_RULES,
    calendar,
    today: "2027-03-22",
  });
  return whatIf({ release, replan, calendar, others, capacity: DEFAULT_ENVIRONMENT_CAPACITY });
}

describe("whatIf", () => {
  it("shows every stage before and after and the go-live shift in working days", () => {
    const result = preview("2027-03-23"); // LAST two working days shorter
    expect(result.stages.map((s) => [s.key, s.endShift])).toEqual([
      ["DEV", 0],
      ["TEST", 0],
      ["LAST", -2],
      ["INT", -2],
      ["PREPROD", -2],
      ["PROD", -2],
    ]);
    expect(result.goLive).toEqual({
      before: "2027-04-15",
      after: "2027-04-13",
      shiftWorkingDays: -2,
    });
    expect(result.baseline).toEqual({ before: "2027-04-15", after: "2027-04-13" });
    expect(result.windowWorkingDays).toEqual({ before: 28, after: 26 });
    expect(result.freezes).toEqual([]);
  });

  it("names the freeze a moved go-live runs into and the stages it touches", () => {
    const result = preview("2027-03-30"); // one day longer: the go-live would be Fri 16 Apr, frozen
    expect(result.goLive.after).toBe("2027-04-19");
    expect(result.goLive.shiftWorkingDays).toBe(2);
    expect(result.notes[0]).toMatch(/Quarter close/);
    expect(result.freezes).toEqual([
      { name: "Quarter close", start: "2027-04-16", end: "2027-04-16", stages: ["PREPROD"] },
    ]);
  });

  it("tells which environment conflicts the change adds, clears and keeps", () => {
    const others = [
      // In INT until 1 Apr: clashes with INT only when INT starts earlier.
      {
        releaseId: "x",
        releaseName: "Search 2.0",
        environment: "INT" as const,
        start: "2027-03-24",
        end: "2027-03-29",
      },
      // In LAST from 29 Mar: clashes with LAST today only when LAST runs longer.
      {
        releaseId: "y",
        releaseName: "Portal 3.0",
        environment: "LAST" as const,
        start: "2027-03-29",
        end: "2027-04-02",
      },
      // In PREPROD on 13–14 Apr: clashes unless PREPROD ends earlier.
      {
        releaseId: "z",
        releaseName: "Mobile 4.0",
        environment: "PREPROD" as const,
        start: "2027-04-13",
        end: "2027-04-14",
      },
    ];
    const shorter = preview("2027-03-23", others);
    expect(shorter.conflicts.added.map((c) => c.environment)).toEqual(["INT"]);
    // PREPROD now ends on 12 Apr, before Mobile 4.0 arrives.
    expect(shorter.conflicts.resolved.map((c) => c.environment)).toEqual(["PREPROD"]);
    expect(shorter.conflicts.remaining).toEqual([]);

    const longer = preview("2027-03-30", others);
    expect(
      longer.conflicts.added.map((c) => [c.environment, c.releases.map((r) => r.name)]),
    ).toEqual([["LAST", ["Billing 1.0", "Portal 3.0"]]]);
    expect(longer.conflicts.remaining.map((c) => c.environment)).toEqual(["PREPROD"]);
  });
});

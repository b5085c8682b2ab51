import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import { planBackward } from "./planner";
import {
  type Actor,
  applyOutcome,
  approvalsMissing,
  cancel,
  decide,
  type DecideInput,
  hold,
  newReleaseState,
  type Outcome,
  type ReleaseState,
  reopen,
  resume,
  waitsFor,
} from "./signoff";
import { DEFAULT_STAGE_DURATIONS, DEFAULT_STAGE_RULES, type StageKey } from "./stages";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");
const creator: Actor = { id: "rm-1", role: "RELEASE_MANAGER" };
const otherManager: Actor = { id: "rm-2", role: "RELEASE_MANAGER" };
const qa: Actor = { id: "qa-1", role: "QA" };
const qa2: Actor = { id: "qa-2", role: "QA" };
const viewer: Actor = { id: "viewer-1", role: "VIEWER" };
const admin: Actor = { id: "admin-1", role: "ADMIN" };

function plannedRelease(goLive = "2027-04-15"): ReleaseState {
  const plan = planBackward(goLive, DEFAULT_STAGE_DURATIONS, calendar);
  return newReleaseState(creator.id, plan.stages, DEFAULT_STAGE_RULES);
}

/** Applies an outcome the way the server does, to play several steps. */
function apply(release: ReleaseState, outcome: Outcome, actor: Actor): ReleaseState {
  return applyOutcome(release, outcome, actor.id);
}

function run(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
  options: Partial<DecideInput> = {},
) {
  const outcome = decide({
    release,
    key,
    actor,
    decision: "APPROVE",
    comment: null,
    rule: DEFAULT_STAGE_RULES[key],
    today: "2027-03-09",
    calendar,
    ...options,
  });
  return { outcome, release: apply(release, outcome, actor) };
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return `${(error as AppError).kind}:${(error as AppError).code}`;
  }
  throw new Error("expected the command to be refused");
}

describe("approving", () => {
  it("signs DEV off with one approval, starts the release, opens TEST and re-plans from today", () => {
    const { outcome, release } = run(plannedRelease(), "DEV", qa, { today: "2027-03-09" });
    expect(release.status).toBe("IN_PROGRESS");
    expect(release.stages[0]).toMatchObject({
      status: "SIGNED_OFF",
      actualStart: "2027-03-05",
      actualEnd: "2027-03-09",
    });
    expect(release.stages[1]).toMatchObject({
      status: "ACTIVE",
      actualStart: "2027-03-09",
      plannedStart: "2027-03-10",
    });
    expect(outcome.events.map((e) => e.action)).toEqual([
      "STAGE_STARTED",
      "STAGE_APPROVED",
      "STAGE_SIGNED_OFF",
      "STAGE_STARTED",
    ]);
  });

  it("re-plans later stages when a stage is signed off late, and says so", () => {
    let release = run(plannedRelease(), "DEV", qa, { today: "2027-03-09" }).release;
    const signedLate = run(release, "TEST", qa, { today: "2027-03-23" }); // planned end 18 Mar
    release = signedLate.release;
    expect(release.stages[2]).toMatchObject({
      status: "ACTIVE",
      plannedStart: "2027-03-24",
      plannedEnd: "2027-04-01",
    });
    expect(release.stages[5]!.plannedStart).toBe("2027-04-20"); // was 15 Apr: 3 working days late
    const replanned = signedLate.outcome.events.find((e) => e.action === "RELEASE_REPLANNED");
    expect(replanned).toMatchObject({
      before: { forecastGoLive: "2027-04-15" },
      after: { forecastGoLive: "2027-04-20" },
    });
  });

  it("needs two different people for PREPROD, and never its creator", () => {
    let release = plannedRelease();
    for (const key of ["DEV", "TEST", "LAST", "INT"] as const)
      release = run(release, key, qa).release;
    expect(codeOf(() => run(release, "PREPROD", creator))).toBe("FORBIDDEN:FOUR_EYES");
    release = run(release, "PREPROD", qa).release;
    expect(release.stages[4]!.status).toBe("ACTIVE");
    expect(approvalsMissing(release.stages[4]!)).toBe(1);
    expect(codeOf(() => run(release, "PREPROD", qa))).toBe("CONFLICT:ALREADY_DECIDED");
    release = run(release, "PREPROD", otherManager).release;
    expect(release.stages[4]!.status).toBe("SIGNED_OFF");
    expect(release.stages[5]!.status).toBe("ACTIVE");
  });

  it("makes the release live when PROD is signed off by a release manager other than the creator", () => {
    let release = plannedRelease();
    for (const key of ["DEV", "TEST", "LAST", "INT"] as const)
      release = run(release, key, qa).release;
    release = run(run(release, "PREPROD", qa).release, "PREPROD", qa2).release;
    expect(codeOf(() => run(release, "PROD", creator))).toBe("FORBIDDEN:FOUR_EYES");
    expect(codeOf(() => run(release, "PROD", qa))).toBe("FORBIDDEN:NOT_AN_APPROVER");
    const live = run(release, "PROD", otherManager);
    expect(live.release.status).toBe("LIVE");
    expect(live.outcome.events.at(-1)!.action).toBe("RELEASE_LIVE");
    expect(codeOf(() => run(live.release, "PROD", otherManager))).toBe("CONFLICT:RELEASE_NOT_OPEN");
  });

  it("only signs the current stage", () => {
    expect(codeOf(() => run(plannedRelease(), "TEST", qa))).toBe("CONFLICT:STAGE_NOT_CURRENT");
    const release = run(plannedRelease(), "DEV", qa).release;
    expect(codeOf(() => run(release, "DEV", qa2))).toBe("CONFLICT:STAGE_NOT_CURRENT");
  });

  it("follows the allowed roles: viewers never, admins not by being admin", () => {
    expect(codeOf(() => run(plannedRelease(), "DEV", viewer))).toBe("FORBIDDEN:NOT_AN_APPROVER");
    expect(codeOf(() => run(plannedRelease(), "DEV", admin))).toBe("FORBIDDEN:NOT_AN_APPROVER");
    const adminsAllowed = { approvalsRequired: 1, allowedRoles: ["ADMIN"] as const };
    expect(
      run(plannedRelease(), "DEV", admin, { rule: adminsAllowed }).release.stages[0]!.status,
    ).toBe("SIGNED_OFF");
    expect(codeOf(() => run(plannedRelease(), "TEST", creator))).toBe("FORBIDDEN:NOT_AN_APPROVER");
  });

  it("is refused while the release is on hold or cancelled", () => {
    const onHold = apply(plannedRelease(), hold(plannedRelease(), creator, "Vendor fix"), creator);
    expect(codeOf(() => run(onHold, "DEV", qa))).toBe("CONFLICT:RELEASE_NOT_OPEN");
    const cancelled = apply(
      plannedRelease(),
      cancel(plannedRelease(), creator, "Superseded"),
      creator,
    );
    expect(codeOf(() => run(cancelled, "DEV", qa))).toBe("CONFLICT:RELEASE_NOT_OPEN");
  });
});

describe("rejecting and reopening", () => {
  it("a rejection needs a comment and blocks the stage until a release manager reopens it", () => {
    const started = run(plannedRelease(), "DEV", qa).release;
    expect(codeOf(() => run(started, "TEST", qa, { decision: "REJECT", comment: "  " }))).toBe(
      "BAD_REQUEST:COMMENT_REQUIRED",
    );
    const rejected = run(started, "TEST", qa, {
      decision: "REJECT",
      comment: "Login broken",
    }).release;
    expect(rejected.stages[1]!.status).toBe("REJECTED");
    expect(codeOf(() => run(rejected, "TEST", qa2))).toBe("CONFLICT:STAGE_REJECTED");

    expect(codeOf(() => reopen(rejected, "TEST", qa, null))).toBe("FORBIDDEN:FORBIDDEN");
    expect(codeOf(() => reopen(started, "TEST", creator, null))).toBe(
      "CONFLICT:STAGE_NOT_REJECTED",
    );
    const reopened = apply(rejected, reopen(rejected, "TEST", creator, "Fixed in config"), creator);
    expect(reopened.stages[1]).toMatchObject({ status: "ACTIVE", approvalRound: 2 });
    // Approvals start again: the person who rejected may now approve.
    expect(run(reopened, "TEST", qa).release.stages[1]!.status).toBe("SIGNED_OFF");
  });
});

describe("hold, resume, cancel", () => {
  it("are for release managers and follow the release's state", () => {
    expect(codeOf(() => hold(plannedRelease(), qa, "x"))).toBe("FORBIDDEN:FORBIDDEN");
    const held = apply(plannedRelease(), hold(plannedRelease(), creator, "Waiting"), creator);
    expect(held.status).toBe("ON_HOLD");
    expect(codeOf(() => hold(held, creator, "again"))).toBe("CONFLICT:RELEASE_NOT_OPEN");
    expect(resume(held, creator, null).releaseStatus).toBe("PLANNED");
    const started = run(plannedRelease(), "DEV", qa).release;
    const startedHeld = apply(started, hold(started, creator, "Waiting"), creator);
    expect(resume(startedHeld, creator, null).releaseStatus).toBe("IN_PROGRESS");
    expect(codeOf(() => resume(started, creator, null))).toBe("CONFLICT:RELEASE_NOT_ON_HOLD");
    const cancelled = apply(started, cancel(started, creator, "Superseded"), creator);
    expect(codeOf(() => cancel(cancelled, creator, "again"))).toBe("CONFLICT:RELEASE_CLOSED");
  });
});

describe("waitsFor", () => {
  it("tells who the current stage waits for", () => {
    const release = plannedRelease();
    expect(waitsFor(release, qa, DEFAULT_STAGE_RULES)).toEqual({ key: "DEV", onBehalfOf: null });
    expect(waitsFor(release, viewer, DEFAULT_STAGE_RULES)).toBeUndefined();
    const atTest = run(release, "DEV", qa).release;
    expect(waitsFor(atTest, creator, DEFAULT_STAGE_RULES)).toBeUndefined();
    expect(waitsFor(atTest, qa, DEFAULT_STAGE_RULES)?.key).toBe("TEST");
  });

  it("offers a deputy the stages of the person they stand in for, marked for whom", () => {
    const atTest = named(run(plannedRelease(), "DEV", qa).release, { TEST: [qa.id] });
    const quinn = { ...qa, name: "Quinn" };
    expect(waitsFor(atTest, qa2, DEFAULT_STAGE_RULES)).toBeUndefined();
    expect(waitsFor(atTest, qa2, DEFAULT_STAGE_RULES, [quinn])).toEqual({
      key: "TEST",
      onBehalfOf: quinn,
    });
    // Someone who may sign in their own name does so.
    expect(waitsFor(atTest, qa, DEFAULT_STAGE_RULES, [])).toEqual({
      key: "TEST",
      onBehalfOf: null,
    });
  });
});

/** The release with named approvers on some stages. */
function named(
  release: ReleaseState,
  approvers: Partial<Record<StageKey, string[]>>,
): ReleaseState {
  return {
    ...release,
    stages: release.stages.map((stage) => ({ ...stage, approverIds: approvers[stage.key] ?? [] })),
  };
}

/** Plays stages DEV … up to (not including) `key` with clean approvals. */
function reach(key: StageKey, release = plannedRelease()): ReleaseState {
  const signers: Record<StageKey, Actor[]> = {
    DEV: [qa],
    TEST: [qa],
    LAST: [qa],
    INT: [qa],
    PREPROD: [qa, otherManager],
    PROD: [otherManager],
  };
  let state = release;
  for (const stage of state.stages) {
    if (stage.key === key) break;
    for (const signer of signers[stage.key]) state = run(state, stage.key, signer).release;
  }
  return state;
}

describe("named approvers", () => {
  it("lets only the product's named approvers sign a stage, each still needing an allowed role", () => {
    const atTest = named(reach("TEST"), { TEST: [qa2.id, otherManager.id] });
    expect(codeOf(() => run(atTest, "TEST", qa))).toBe("FORBIDDEN:NOT_AN_APPROVER");
    // Named, but release managers do not sign TEST: the role rule still applies.
    expect(codeOf(() => run(atTest, "TEST", otherManager))).toBe("FORBIDDEN:NOT_AN_APPROVER");
    expect(run(atTest, "TEST", qa2).release.stages[1]!.status).toBe("SIGNED_OFF");
  });

  it("falls back to the role rule when a stage names nobody", () => {
    const atTest = named(reach("TEST"), { INT: [qa2.id] });
    expect(run(atTest, "TEST", qa).release.stages[1]!.status).toBe("SIGNED_OFF");
  });
});

describe("deciding as a deputy", () => {
  const quinn = { ...qa, name: "Quinn Adler" };
  const rita = { ...creator, name: "Rita Manning" };

  it("records both people: the deputy decides in the absent person's slot and the audit says so", () => {
    const atTest = named(reach("TEST"), { TEST: [qa.id] });
    const { outcome, release } = run(atTest, "TEST", qa2, { delegators: [quinn] });
    expect(outcome.approval).toMatchObject({ onBehalfOfId: qa.id, decision: "APPROVE" });
    expect(outcome.events.find((e) => e.action === "STAGE_APPROVED")?.after).toMatchObject({
      onBehalfOf: { id: qa.id, name: "Quinn Adler" },
    });
    expect(release.stages[1]!.approvals.at(-1)).toMatchObject({
      userId: qa2.id,
      onBehalfOfId: qa.id,
    });
  });

  it("refuses without a running delegation, and when asked for someone one does not stand in for", () => {
    const atTest = named(reach("TEST"), { TEST: [qa.id] });
    expect(codeOf(() => run(atTest, "TEST", qa2))).toBe("FORBIDDEN:NOT_AN_APPROVER");
    expect(codeOf(() => run(atTest, "TEST", qa2, { onBehalfOfId: qa.id }))).toBe(
      "FORBIDDEN:NOT_A_DEPUTY",
    );
  });

  it("fills one slot per human per round: the deputy cannot also approve in their own name", () => {
    const atPreprod = reach("PREPROD");
    const first = run(atPreprod, "PREPROD", qa2, { delegators: [quinn], onBehalfOfId: qa.id });
    expect(first.outcome.approval?.onBehalfOfId).toBe(qa.id);
    // Kim already filled Quinn's slot: Kim may not approve again, in any name…
    expect(codeOf(() => run(first.release, "PREPROD", qa2))).toBe("CONFLICT:ALREADY_DECIDED");
    // …and Quinn, back early, may not fill a second slot either.
    expect(codeOf(() => run(first.release, "PREPROD", qa))).toBe("CONFLICT:ALREADY_DECIDED");
    // A deputy who approved in their own name cannot then fill the absent person's slot.
    const own = run(atPreprod, "PREPROD", qa2).release;
    expect(
      codeOf(() => run(own, "PREPROD", qa2, { delegators: [quinn], onBehalfOfId: qa.id })),
    ).toBe("CONFLICT:ALREADY_DECIDED");
    // Another person closes the stage.
    const closed = run(first.release, "PREPROD", otherManager).release;
    expect(closed.stages[4]!.status).toBe("SIGNED_OFF");
  });

  it("keeps four eyes for both people", () => {
    const atProd = reach("PROD");
    // The creator may not approve PROD through someone else's delegation…
    const ravi = { ...otherManager, name: "Ravi Mehta" };
    expect(
      codeOf(() => run(atProd, "PROD", creator, { delegators: [ravi], onBehalfOfId: ravi.id })),
    ).toBe("FORBIDDEN:FOUR_EYES");
    // …nor may anyone approve it for the creator.
    const anotherManager: Actor = { id: "rm-3", role: "RELEASE_MANAGER" };
    expect(
      codeOf(() =>
        run(atProd, "PROD", anotherManager, { delegators: [rita], onBehalfOfId: rita.id }),
      ),
    ).toBe("FORBIDDEN:FOUR_EYES");
  });

  it("decides with the absent person's rights, never a chain: a deputy's deputy gets nothing", () => {
    const atTest = named(reach("TEST"), { TEST: [qa.id] });
    // Kim stands in for Quinn; the release manager stands in for Kim. Only Kim's own delegators count.
    const kim = { ...qa2, name: "Kim Asante" };
    expect(codeOf(() => run(atTest, "TEST", otherManager, { delegators: [kim] }))).toBe(
      "FORBIDDEN:NOT_AN_APPROVER",
    );
    // A viewer cannot stand in for an approver.
    expect(codeOf(() => run(atTest, "TEST", viewer, { delegators: [quinn] }))).toBe(
      "FORBIDDEN:NOT_AN_APPROVER",
    );
  });

  it("lets a release manager stand in for a QA on a QA stage: the absent person's role counts", () => {
    const atTest = named(reach("TEST"), { TEST: [qa.id] });
    const { outcome } = run(atTest, "TEST", otherManager, { delegators: [quinn] });
    expect(outcome.approval?.onBehalfOfId).toBe(qa.id);
  });
});

// The release lifecycle through the use cases, on PGlite or PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { createRelease } from "@/lib/server/releases/create-release";
import { getRelease } from "@/lib/server/releases/get-release";
import { listAudit } from "@/lib/server/releases/list-audit";
import { listMyApprovals } from "@/lib/server/releases/list-my-approvals";
import {
  cancelRelease,
  holdRelease,
  reopenStage,
  resumeRelease,
  signOffStage,
} from "@/lib/server/releases/stage-actions";
import { updateRelease } from "@/lib/server/releases/update-release";
import type { SessionUser } from "@/lib/types/user";

import { createUser, goLiveIn, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let rm2: SessionUser;
let qa: SessionUser;
let qa2: SessionUser;
let viewer: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  [rm, rm2, qa, qa2, viewer] = await Promise.all([
    createUser(db.prisma, "RELEASE_MANAGER", "Rita"),
    createUser(db.prisma, "RELEASE_MANAGER", "Ravi"),
    createUser(db.prisma, "QA", "Quinn"),
    createUser(db.prisma, "QA", "Kim"),
    createUser(db.prisma, "VIEWER", "Victor"),
  ]);
});
afterAll(() => db.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.kind}:${error.code}`;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("a release from plan to live", () => {
  it("passes every stage, with a rejection, four eyes and a complete audit trail", async () => {
    const created = await newRelease(rm);
    expect(created).toMatchObject({
      status: "PLANNED",
      revision: 1,
      currentStage: "DEV",
      atRisk: false,
    });
    expect(created.baselineGoLive).toBe(created.forecastGoLive);
    const id = created.id;

    let release = await signOffStage({ id, key: "DEV", decision: "APPROVE", actor: qa });
    expect(release.status).toBe("IN_PROGRESS");
    expect(release.stages[0]!.status).toBe("SIGNED_OFF");
    release = await signOffStage({ id, key: "TEST", decision: "APPROVE", actor: qa });
    expect(release.currentStage).toBe("LAST");

    expect(await refusal(signOffStage({ id, key: "LAST", decision: "REJECT", actor: qa2 }))).toBe(
      "BAD_REQUEST:COMMENT_REQUIRED",
    );
    release = await signOffStage({
      id,
      key: "LAST",
      decision: "REJECT",
      comment: "p95 latency 2.3 s",
      actor: qa2,
    });
    expect(release.stages[2]).toMatchObject({ status: "REJECTED", approvalsMissing: 1 });
    expect(await refusal(signOffStage({ id, key: "LAST", decision: "APPROVE", actor: qa }))).toBe(
      "CONFLICT:STAGE_REJECTED",
    );
    expect(await refusal(reopenStage({ id, key: "LAST", actor: qa }))).toBe("FORBIDDEN:FORBIDDEN");
    release = await reopenStage({ id, key: "LAST", actor: rm, comment: "Connection pool fixed" });
    expect(release.stages[2]).toMatchObject({ status: "ACTIVE", approvalRound: 2 });

    release = await signOffStage({ id, key: "LAST", decision: "APPROVE", actor: qa2 });
    release = await signOffStage({ id, key: "INT", decision: "APPROVE", actor: qa });
    expect(
      await refusal(signOffStage({ id, key: "PREPROD", decision: "APPROVE", actor: rm })),
    ).toBe("FORBIDDEN:FOUR_EYES");
    release = await signOffStage({ id, key: "PREPROD", decision: "APPROVE", actor: qa });
    expect(release.stages[4]).toMatchObject({ status: "ACTIVE", approvalsMissing: 1 });
    expect(
      await refusal(signOffStage({ id, key: "PREPROD", decision: "APPROVE", actor: qa })),
    ).toBe("CONFLICT:ALREADY_DECIDED");
    release = await signOffStage({ id, key: "PREPROD", decision: "APPROVE", actor: rm2 });
    expect(await refusal(signOffStage({ id, key: "PROD", decision: "APPROVE", actor: rm }))).toBe(
      "FORBIDDEN:FOUR_EYES",
    );
    expect(
      await refusal(signOffStage({ id, key: "PROD", decision: "APPROVE", actor: viewer })),
    ).toBe("FORBIDDEN:NOT_AN_APPROVER");
    release = await signOffStage({
      id,
      key: "PROD",
      decision: "APPROVE",
      actor: rm2,
      comment: "Go",
    });
    expect(release).toMatchObject({ status: "LIVE", currentStage: null });
    expect(release.stages.every((stage) => stage.status === "SIGNED_OFF")).toBe(true);

    const audit = await listAudit(id);
    const actions = audit.map((event) => event.action);
    expect(actions[0]).toBe("RELEASE_CREATED");
    expect(actions.at(-1)).toBe("RELEASE_LIVE");
    expect(actions.filter((a) => a === "STAGE_SIGNED_OFF")).toHaveLength(6);
    expect(actions).toContain("STAGE_REJECTED");
    expect(actions).toContain("STAGE_REOPENED");
    expect(audit.find((e) => e.action === "STAGE_REJECTED")).toMatchObject({
      comment: "p95 latency 2.3 s",
      actor: { id: qa2.id },
    });
    expect(release.revision).toBe(10); // created + 9 accepted decisions; refusals change nothing
  });
});

describe("editing and re-planning", () => {
  it("refuses a stale revision with 409 and changes nothing", async () => {
    const release = await newRelease(rm);
    const edited = await updateRelease(rm, release.id, { revision: 1, description: "First" });
    expect(edited.revision).toBe(2);
    expect(await refusal(updateRelease(rm, release.id, { revision: 1, name: "Too late" }))).toBe(
      "CONFLICT:STALE_REVISION",
    );
    expect((await getRelease(release.id)).name).toBe(release.name);
  });

  it("re-plans from a new go-live and sets a new baseline, audited", async () => {
    const release = await newRelease(rm, { days: 50 });
    const goLive = await goLiveIn(80);
    const moved = await updateRelease(rm, release.id, { revision: release.revision, goLive });
    expect(moved.baselineGoLive).toBe(goLive);
    expect(moved.stages[5]!.plannedStart).toBe(goLive);
    const replanned = (await listAudit(release.id)).find((e) => e.action === "RELEASE_REPLANNED");
    expect(replanned?.after).toMatchObject({ baselineGoLive: goLive });
  });

  it("locks the artifact once DEV is signed off", async () => {
    const release = await newRelease(rm);
    const started = await signOffStage({
      id: release.id,
      key: "DEV",
      decision: "APPROVE",
      actor: qa,
    });
    expect(
      await refusal(
        updateRelease(rm, release.id, { revision: started.revision, version: "9.9.9" }),
      ),
    ).toBe("UNPROCESSABLE:ARTIFACT_LOCKED");
    const renamed = await updateRelease(rm, release.id, {
      revision: started.revision,
      name: "Renamed",
    });
    expect(renamed.name).toBe("Renamed");
  });

  it("is for release managers only", async () => {
    const release = await newRelease(rm);
    expect(await refusal(updateRelease(qa, release.id, { revision: 1, name: "x" }))).toBe(
      "FORBIDDEN:FORBIDDEN",
    );
  });
});

describe("patches", () => {
  it("belong to a release, never to a patch", async () => {
    const parent = await newRelease(rm);
    const patch = await createRelease(rm, {
      type: "PATCH",
      name: "Hotfix",
      version: "1.0.1",
      parentId: parent.id,
      goLive: await goLiveIn(70),
    });
    expect(patch).toMatchObject({ type: "PATCH", parentId: parent.id, parent: { id: parent.id } });
    expect((await getRelease(parent.id)).patches.map((p) => p.id)).toEqual([patch.id]);
    expect(
      await refusal(
        createRelease(rm, {
          type: "PATCH",
          name: "x",
          version: "1",
          parentId: patch.id,
          goLive: await goLiveIn(70),
        }),
      ),
    ).toBe("UNPROCESSABLE:PARENT_NOT_A_RELEASE");
    expect(
      await refusal(
        createRelease(rm, {
          type: "PATCH",
          name: "x",
          version: "1",
          parentId: "01900000-0000-7000-8000-000000000000",
          goLive: await goLiveIn(70),
        }),
      ),
    ).toBe("UNPROCESSABLE:PARENT_NOT_FOUND");
  });
});

describe("hold, resume, cancel", () => {
  it("follow the release's state and are audited with their reason", async () => {
    const release = await newRelease(rm);
    const held = await holdRelease({ id: release.id, actor: rm, reason: "Vendor hotfix pending" });
    expect(held).toMatchObject({ status: "ON_HOLD", statusReason: "Vendor hotfix pending" });
    expect(
      await refusal(signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa })),
    ).toBe("CONFLICT:RELEASE_NOT_OPEN");
    const resumed = await resumeRelease({ id: release.id, actor: rm });
    expect(resumed).toMatchObject({ status: "PLANNED", statusReason: null });
    const cancelled = await cancelRelease({ id: release.id, actor: rm2, reason: "Superseded" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(await refusal(cancelRelease({ id: release.id, actor: rm2, reason: "again" }))).toBe(
      "CONFLICT:RELEASE_CLOSED",
    );
    const actions = (await listAudit(release.id)).map((e) => e.action);
    expect(actions).toEqual([
      "RELEASE_CREATED",
      "RELEASE_HELD",
      "RELEASE_RESUMED",
      "RELEASE_CANCELLED",
    ]);
  });
});

describe("my approvals", () => {
  it("lists the current stages waiting for a person, never for the creator on four-eyes stages", async () => {
    const release = await newRelease(rm, { days: 10 }); // DEV is due now
    const forQa = await listMyApprovals(qa);
    expect(
      forQa.items.some((item) => item.release.id === release.id && item.stage.key === "DEV"),
    ).toBe(true);
    const forViewer = await listMyApprovals(viewer);
    expect(forViewer.items).toEqual([]);
    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
    const after = await listMyApprovals(qa);
    expect(after.items.find((item) => item.release.id === release.id)?.stage.key).toBe("TEST");
  });

  it("reads a slice of a long list, the most urgent first, and says how many there are", async () => {
    for (let i = 0; i < 3; i++) await newRelease(rm, { days: 10 + i });
    const all = await listMyApprovals(qa);
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const ends = all.items.map((item) => item.stage.plannedEnd);
    expect(ends).toEqual([...ends].sort());
    const second = await listMyApprovals(qa, { offset: 1, limit: 2 });
    expect(second.total).toBe(all.total);
    expect(second.items).toEqual(all.items.slice(1, 3));
    const past = await listMyApprovals(qa, { offset: all.total, limit: 2 });
    expect(past).toMatchObject({ items: [], total: all.total });
  });
});

describe("unknown ids", () => {
  it("are not found", async () => {
    const missing = "01900000-0000-7000-8000-000000000000";
    expect(await refusal(getRelease(missing))).toBe("NOT_FOUND:NOT_FOUND");
    expect(
      await refusal(signOffStage({ id: missing, key: "DEV", decision: "APPROVE", actor: qa })),
    ).toBe("NOT_FOUND:NOT_FOUND");
    expect(await refusal(listAudit(missing))).toBe("NOT_FOUND:NOT_FOUND");
  });
});

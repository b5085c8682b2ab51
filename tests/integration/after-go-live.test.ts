// Life after go-live through POST /api/releases/{id}/outcome: who may record, the rules, the
// audit, and "outcome missing" for those who record outcomes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as outcomeRoute from "@/app/api/releases/[id]/outcome/route";
import { addDays, isoToDate } from "@/lib/domain/dates";
import { createRelease } from "@/lib/server/releases/create-release";
import { listOutcomesDue } from "@/lib/server/releases/list-my-approvals";
import { getDeliveryReport } from "@/lib/server/reports/get-delivery-report";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn, newRelease, takeLive } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Person = SessionUser & { token: string };
let db: TestDatabase;
const people = {} as Record<"rm" | "rm2" | "qa" | "qa2" | "viewer", Person>;
let today: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = {
    rm: "RELEASE_MANAGER",
    rm2: "RELEASE_MANAGER",
    qa: "QA",
    qa2: "QA",
    viewer: "VIEWER",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
    };
  }
  today = companyToday((await getPlanningSettings()).companyTimeZone);
});
afterAll(() => db.close());

async function liveRelease(): Promise<ReleaseDto> {
  const release = await newRelease(people.rm);
  return takeLive(release.id, { qa: people.qa, qa2: people.qa2, manager: people.rm2 });
}

const record = (who: Person, id: string, body: Record<string, unknown>) =>
  callJson<ReleaseDto & { error?: { code: string; message: string } }>(outcomeRoute.POST, {
    method: "POST",
    path: `/api/releases/${id}/outcome`,
    token: who.token,
    body,
    params: { id },
  });

describe("the observation window", () => {
  it("opens when PROD is signed off and lasts the configured working days", async () => {
    const release = await liveRelease();
    expect(release.status).toBe("LIVE");
    expect(release.liveOn).toBe(today);
    expect(release.observationEnd! > today).toBe(true);
    expect(release.outcome).toBeNull();
    expect(release.afterGoLive).toMatchObject({ phase: "OBSERVING", comment: null });
  });
});

describe("POST /api/releases/{id}/outcome", () => {
  it("records a release kept, by QA, with who and when, and audits it", async () => {
    const release = await liveRelease();
    const kept = await record(people.qa, release.id, {
      outcome: "KEPT",
      comment: "Quiet week in production.",
    });
    expect(kept.status).toBe(200);
    expect(kept.body.outcome).toBe("KEPT");
    expect(kept.body.afterGoLive).toMatchObject({
      phase: "RECORDED",
      comment: "Quiet week in production.",
      recordedBy: { id: people.qa.id },
    });
    const audit = await db.prisma.auditEvent.findFirst({
      where: { releaseId: release.id, action: "RELEASE_OUTCOME" },
    });
    expect(audit?.actorId).toBe(people.qa.id);
  });

  it("records a roll-back to a version, restored today unless said, and corrects it later", async () => {
    const release = await liveRelease();
    const missing = await record(people.rm, release.id, {
      outcome: "ROLLED_BACK",
      comment: "Errors",
    });
    expect([missing.status, missing.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    const early = await record(people.rm, release.id, {
      outcome: "ROLLED_BACK",
      rolledBackTo: "1.0.0",
      restoredOn: addDays(today, -3),
      comment: "Errors",
    });
    expect([early.status, early.body.error?.code]).toEqual([422, "DATE_OUT_OF_RANGE"]);
    const back = await record(people.rm, release.id, {
      outcome: "ROLLED_BACK",
      rolledBackTo: "1.0.0",
      comment: "Checkout errors for 3% of users.",
    });
    expect(back.status).toBe(200);
    expect(back.body.afterGoLive).toMatchObject({ rolledBackTo: "1.0.0", restoredOn: today });
    // A correction is audited with what it was before.
    const corrected = await record(people.rm2, release.id, {
      outcome: "KEPT",
      comment: "The errors came from a partner outage, not the release.",
    });
    expect(corrected.body.afterGoLive).toMatchObject({ rolledBackTo: null, restoredOn: null });
    const events = await db.prisma.auditEvent.findMany({
      where: { releaseId: release.id, action: "RELEASE_OUTCOME" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.before)).toEqual([
      null,
      { outcome: "ROLLED_BACK", rolledBackTo: "1.0.0", restoredOn: today },
    ]);
  });

  it("rolls forward only by a patch of this release; the fix restores service when it is live", async () => {
    const release = await liveRelease();
    const other = await newRelease(people.rm);
    const strangers = await createRelease(people.rm, {
      type: "PATCH",
      name: "Someone else's patch",
      version: "2.0.1",
      parentId: other.id,
      goLive: await goLiveIn(40),
    });
    const wrong = await record(people.rm, release.id, {
      outcome: "ROLLED_FORWARD",
      patchId: strangers.id,
      comment: "Fixed",
    });
    expect([wrong.status, wrong.body.error?.code]).toEqual([422, "PATCH_NOT_OF_RELEASE"]);
    const patch = await createRelease(people.rm, {
      type: "PATCH",
      name: "The fix",
      version: "1.0.1",
      parentId: release.id,
      goLive: await goLiveIn(40),
    });
    const forward = await record(people.rm, release.id, {
      outcome: "ROLLED_FORWARD",
      patchId: patch.id,
      comment: "Rounding fixed by the patch.",
    });
    expect(forward.status).toBe(200);
    expect(forward.body.afterGoLive?.patch).toMatchObject({ id: patch.id, liveOn: null });
    expect(forward.body.afterGoLive?.restoredOn).toBeNull();
    const live = await takeLive(patch.id, { qa: people.qa, qa2: people.qa2, manager: people.rm2 });
    expect(live.status).toBe("LIVE");
    const settings = await getPlanningSettings();
    const report = await getDeliveryReport({ from: addDays(today, -1), to: today }, settings);
    expect(report.failures.failures).toBeGreaterThanOrEqual(1);
    expect(report.failures.restoreDays).toContain(0);
  });

  it("refuses a release not live (409), a viewer (403), and writes nothing", async () => {
    const planned = await newRelease(people.rm);
    const notLive = await record(people.rm, planned.id, { outcome: "KEPT", comment: "?" });
    expect([notLive.status, notLive.body.error?.code]).toEqual([409, "RELEASE_NOT_LIVE"]);
    const release = await liveRelease();
    const viewer = await record(people.viewer, release.id, { outcome: "KEPT", comment: "Fine" });
    expect(viewer.status).toBe(403);
    const stored = await db.prisma.release.findUniqueOrThrow({ where: { id: release.id } });
    expect(stored.outcome).toBeNull();
    expect(stored.revision).toBe(release.revision);
  });
});

describe("outcome missing", () => {
  it("lists live releases past their observation window for release managers and QA", async () => {
    const release = await liveRelease();
    // As if it went live three weeks ago.
    await db.prisma.stageWindow.updateMany({
      where: { releaseId: release.id, key: "PROD" },
      data: {
        actualStart: isoToDate(addDays(today, -21)),
        actualEnd: isoToDate(addDays(today, -21)),
      },
    });
    const due = await listOutcomesDue(people.rm);
    const mine = due.items.find((item) => item.release.id === release.id);
    expect(mine).toMatchObject({
      release: { name: release.name, version: release.version, product: release.product },
      liveOn: addDays(today, -21),
    });
    expect(due.total).toBe(due.items.length);
    // A slice reads only its part, and says how many there are in all.
    const first = await listOutcomesDue(people.rm, { offset: 0, limit: 1 });
    expect(first).toEqual({ items: [due.items[0]], total: due.total });
    expect(await listOutcomesDue(people.viewer)).toEqual({ items: [], total: 0 });
    await record(people.qa, release.id, { outcome: "KEPT", comment: "Fine." });
    expect((await listOutcomesDue(people.rm)).items.map((item) => item.release.id)).not.toContain(
      release.id,
    );
  });
});

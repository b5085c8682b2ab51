// POST /api/releases/{id}/what-if and the re-plan it previews (PATCH with a new go-live or stage end).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as releaseRoute from "@/app/api/releases/[id]/route";
import * as whatIfRoute from "@/app/api/releases/[id]/what-if/route";
import { addDays } from "@/lib/domain/dates";
import { calendarFor } from "@/lib/server/calendars";
import { cancelRelease } from "@/lib/server/releases/stage-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { createUser, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let rmToken: string;
let qaToken: string;
let viewerToken: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const [manager, qa, viewer] = await Promise.all([
    createUser(db.prisma, "RELEASE_MANAGER"),
    createUser(db.prisma, "QA"),
    createUser(db.prisma, "VIEWER"),
  ]);
  rm = manager;
  rmToken = await issueTestToken(db.prisma, manager.email);
  qaToken = await issueTestToken(db.prisma, qa.email);
  viewerToken = await issueTestToken(db.prisma, viewer.email);
});
afterAll(() => db.close());

type Json = Record<string, unknown>;
type StageJson = { key: string; plannedStart: string; plannedEnd: string; workingDays: number };
type Preview = {
  revision: number;
  stages: {
    key: string;
    before: StageJson;
    after: { start: string; end: string; workingDays: number };
    endShift: number;
  }[];
  goLive: { before: string; after: string; shiftWorkingDays: number };
  conflicts: {
    added: { environment: string; releases: { name: string }[] }[];
    resolved: unknown[];
    remaining: unknown[];
  };
  error?: { code: string; details?: { suggestions?: string[] } };
};

async function call(handler: unknown, method: string, id: string, token: string, body: unknown) {
  const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(
    new Request(`http://localhost/api/releases/${id}/what-if`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: response.status, body: (await response.json()) as Preview & Json };
}

const preview = (id: string, body: unknown, token = rmToken) =>
  call(whatIfRoute.POST, "POST", id, token, body);
const patch = (id: string, body: unknown) => call(releaseRoute.PATCH, "PATCH", id, rmToken, body);

async function calendar() {
  const settings = await getPlanningSettings();
  return calendarFor(settings.defaultRegion, settings.periods);
}

describe("POST /api/releases/{id}/what-if", () => {
  it("previews a later go-live without writing anything", async () => {
    const release = await newRelease(rm, { days: 70 });
    const later = (await calendar()).shiftWorkingDays(release.forecastGoLive, 3);
    const { status, body } = await preview(release.id, { goLive: later });
    expect(status).toBe(200);
    expect(body.revision).toBe(release.revision);
    expect(body.goLive).toEqual({
      before: release.forecastGoLive,
      after: later,
      shiftWorkingDays: 3,
    });
    expect(body.stages).toHaveLength(6);
    expect(body.stages.every((stage) => stage.endShift === 3)).toBe(true);

    const stored = await db.prisma.release.findUniqueOrThrow({
      where: { id: release.id },
      include: { stages: true },
    });
    expect(stored.revision).toBe(release.revision);
    expect(stored.baselineGoLive.toISOString().slice(0, 10)).toBe(release.forecastGoLive);
    expect(
      await db.prisma.auditEvent.count({
        where: { releaseId: release.id, action: "RELEASE_REPLANNED" },
      }),
    ).toBe(0);
  });

  it("previews a longer stage; saving it gives exactly the previewed plan, audited", async () => {
    const release = await newRelease(rm, { days: 80 });
    const test = release.stages.find((stage) => stage.key === "TEST")!;
    const end = (await calendar()).shiftWorkingDays(test.plannedEnd, 2);
    const { status, body } = await preview(release.id, { stageEnd: { key: "TEST", end } });
    expect(status).toBe(200);
    expect(body.stages.map((s) => s.endShift)).toEqual([0, 2, 2, 2, 2, 2]);
    expect(body.stages[1]!.after).toMatchObject({ end, workingDays: test.workingDays + 2 });
    expect(body.goLive.shiftWorkingDays).toBe(2);

    const saved = await patch(release.id, {
      revision: body.revision,
      stageEnd: { key: "TEST", end },
    });
    expect(saved.status).toBe(200);
    const stages = saved.body.stages as unknown as StageJson[];
    expect(
      stages.map((s) => ({ start: s.plannedStart, end: s.plannedEnd, workingDays: s.workingDays })),
    ).toEqual(body.stages.map((s) => s.after));
    expect(saved.body.baselineGoLive).toBe(body.goLive.after);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { releaseId: release.id, action: "RELEASE_REPLANNED" },
    });
    expect(audit.after).toMatchObject({
      stage: "TEST",
      stageEnd: end,
      baselineGoLive: body.goLive.after,
    });

    // The preview's revision is now stale: saving it again is refused.
    const stale = await patch(release.id, {
      revision: body.revision,
      stageEnd: { key: "TEST", end },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe("STALE_REVISION");
  });

  it("names the environment conflicts a move would add", async () => {
    const first = await newRelease(rm, { days: 120, name: "Conflict A" });
    const second = await newRelease(rm, { days: 150, name: "Conflict B" });
    const { status, body } = await preview(second.id, { goLive: first.forecastGoLive });
    expect(status).toBe(200);
    const added = body.conflicts.added.map((c) => [
      c.environment,
      c.releases.map((r) => r.name).sort(),
    ]);
    expect(added).toEqual([
      ["LAST", ["Conflict A", "Conflict B"]],
      ["INT", ["Conflict A", "Conflict B"]],
      ["PREPROD", ["Conflict A", "Conflict B"]],
    ]);
    expect(body.conflicts.resolved).toEqual([]);
  });

  it("answers 422 with suggestions for a weekend end, and for PROD's end", async () => {
    const release = await newRelease(rm, { days: 90 });
    const cal = await calendar();
    const test = release.stages.find((stage) => stage.key === "TEST")!;
    let weekend = test.plannedEnd;
    while (cal.isWorkingDay(weekend)) weekend = addDays(weekend, 1);
    const refused = await preview(release.id, { stageEnd: { key: "TEST", end: weekend } });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe("NOT_A_WORKING_DAY");
    expect(refused.body.error?.details?.suggestions).toHaveLength(2);
    const prod = await preview(release.id, {
      stageEnd: { key: "PROD", end: release.forecastGoLive },
    });
    expect(prod.status).toBe(422);
    expect(prod.body.error?.code).toBe("USE_GO_LIVE");
  });

  it("refuses bad bodies, other roles, unknown ids and cancelled releases", async () => {
    const release = await newRelease(rm, { days: 100 });
    expect((await preview(release.id, {})).status).toBe(400);
    expect(
      (await preview(release.id, { goLive: release.forecastGoLive, start: release.forecastGoLive }))
        .status,
    ).toBe(400);
    expect(
      (await preview(release.id, { stageEnd: { key: "QA", end: release.forecastGoLive } })).status,
    ).toBe(400);
    expect((await preview(release.id, "{not json")).status).toBe(400);
    expect((await preview(release.id, { goLive: release.forecastGoLive }, qaToken)).status).toBe(
      403,
    );
    expect(
      (await preview(release.id, { goLive: release.forecastGoLive }, viewerToken)).status,
    ).toBe(403);
    expect(
      (await preview("00000000-0000-4000-8000-000000000000", { goLive: release.forecastGoLive }))
        .status,
    ).toBe(404);
    await cancelRelease({ id: release.id, actor: rm, reason: "Not needed" });
    const closed = await preview(release.id, { goLive: release.forecastGoLive });
    expect(closed.status).toBe(409);
    expect(closed.body.error?.code).toBe("RELEASE_CLOSED");
  });
});

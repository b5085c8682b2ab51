// POST /api/plan/search against a real database: a release filling the environments pushes the
// earliest free go-live, the skipped dates say by whom; a release searching for itself leaves its
// own windows out; nothing fitting in the horizon is an answer, not an error; bad input is a 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as searchRoute } from "@/app/api/plan/search/route";
import * as releaseRoute from "@/app/api/releases/[id]/route";
import * as releasesRoute from "@/app/api/releases/route";
import { calendarFor } from "@/lib/server/calendars";
import { createRelease } from "@/lib/server/releases/create-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { PlanSearchResult } from "@/lib/types/planning";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let viewerToken: string;
let rmToken: string;
let rm: SessionUser;
let wish: string;
let occupant: ReleaseDto;

beforeAll(async () => {
  db = await createTestDatabase();
  rm = await createUser(db.prisma, "RELEASE_MANAGER");
  const viewer = await createUser(db.prisma, "VIEWER");
  viewerToken = await issueTestToken(db.prisma, viewer.email, "read");
  rmToken = await issueTestToken(db.prisma, rm.email);
  // A possible go-live four months ahead, and a release planned for exactly that day: it holds
  // LAST, INT and PREPROD on the very days a plan for the wish would need them.
  wish = await goLiveIn(120);
  occupant = await createRelease(rm, {
    type: "RELEASE",
    name: "Ledger 1.0",
    version: "ledger:1.0.0",
    goLive: wish,
  });
});
afterAll(() => db.close());

const search = (body: unknown) =>
  callJson<PlanSearchResult & { error?: { code: string; details?: unknown } }>(searchRoute, {
    method: "POST",
    path: "/api/plan/search",
    token: viewerToken,
    body,
  });

describe("POST /api/plan/search", () => {
  it("finds the first go-live after the wish whose every environment has room", async () => {
    const { status, body } = await search({ goLive: wish, count: 2 });
    expect(status).toBe(200);
    const settings = await getPlanningSettings();
    const calendar = calendarFor(settings.defaultRegion, settings.periods);
    // PREPROD (7 working days) is the longest exclusive stage: a plan 7 working days later is the
    // first to clear all three windows of the occupant.
    expect(body.candidates.map((c) => [c.goLive, c.slipWorkingDays])).toEqual([
      [calendar.shiftWorkingDays(wish, 7), 7],
      [calendar.shiftWorkingDays(wish, 8), 8],
    ]);
    expect(body.candidates[0]!.stages).toHaveLength(6);
    expect(body.candidates[0]!.start).toBe(body.candidates[0]!.stages[0]!.start);
    expect(body.skipped[0]).toEqual({
      goLive: wish,
      reasons: ["LAST", "INT", "PREPROD"].map((environment) => ({
        kind: "ENVIRONMENT_FULL",
        environment,
        day: occupant.stages.find((stage) => stage.key === environment)!.plannedStart,
        releases: [{ id: occupant.id, name: "Ledger 1.0" }],
      })),
    });
    // The wish itself would share three environments with the occupant.
    expect(body.wish.goLive).toBe(wish);
    expect(body.wish.conflicts.map((c) => c.environment)).toEqual(["LAST", "INT", "PREPROD"]);
    expect(await db.prisma.release.count()).toBe(1); // nothing written
  });

  it("leaves out the windows of the release that searches (a re-plan)", async () => {
    const { body } = await search({ goLive: wish, releaseId: occupant.id, count: 1 });
    expect(body.candidates.map((c) => [c.goLive, c.slipWorkingDays])).toEqual([[wish, 0]]);
    expect(body.wish.conflicts).toEqual([]);
  });

  it("searches from a wished start: the go-live of its forward plan", async () => {
    const start = occupant.stages[0]!.plannedStart;
    const { body } = await search({ start, releaseId: occupant.id, count: 1 });
    expect(body.wishedGoLive).toBe(wish);
    expect(body.candidates[0]!.goLive).toBe(wish);
  });

  it("answers no candidate, with the reasons, when nothing fits in the horizon", async () => {
    const { status, body } = await search({ goLive: wish, horizonDays: 3 });
    expect(status).toBe(200);
    expect(body.candidates).toEqual([]);
    expect(body.skipped.length).toBeGreaterThan(0);
    expect(body.skipped[0]!.reasons[0]!.kind).toBe("ENVIRONMENT_FULL");
  });

  it("refuses bad input with a clear 4xx", async () => {
    const cases: [unknown, number, string][] = [
      [{ goLive: wish, horizonDays: 400 }, 400, "VALIDATION_FAILED"],
      [{ goLive: wish, count: 11 }, 400, "VALIDATION_FAILED"],
      [{ goLive: wish, start: wish }, 400, "VALIDATION_FAILED"],
      [{ goLive: "2027-02-30" }, 400, "VALIDATION_FAILED"],
      [{ goLive: wish, region: "XX-YY" }, 422, "UNKNOWN_REGION"],
      [{ goLive: wish, product: "no-such-product" }, 422, "UNKNOWN_PRODUCT"],
      [
        { goLive: wish, releaseId: "01900000-0000-7000-8000-000000000000" },
        404,
        "RELEASE_NOT_FOUND",
      ],
      [{ start: "2027-03-13" }, 422, "NOT_A_WORKING_DAY"], // a Saturday
      [{ goLive: "2101-03-15" }, 422, "DATE_OUT_OF_RANGE"],
    ];
    for (const [body, status, code] of cases) {
      const answer = await search(body);
      expect([JSON.stringify(body), answer.status, answer.body.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
    }
  });
});

describe("taking a slot from the search (reserve)", () => {
  const create = (body: Record<string, unknown>) =>
    callJson<ReleaseDto & { error?: { code: string; details?: unknown } }>(releasesRoute.POST, {
      method: "POST",
      path: "/api/releases",
      token: rmToken,
      body: { type: "RELEASE", ...body },
    });

  it("writes a plan that fits, and refuses one whose slot is taken with the next candidates", async () => {
    const before = await db.prisma.release.count();
    const taken = await create({ name: "Late", version: "late:1", goLive: wish, reserve: true });
    expect([taken.status, taken.body.error?.code]).toEqual([409, "SLOT_TAKEN"]);
    const details = taken.body.error!.details as {
      candidates: { goLive: string }[];
      conflicts: { environment: string }[];
    };
    const settings = await getPlanningSettings();
    const calendar = calendarFor(settings.defaultRegion, settings.periods);
    expect(details.candidates[0]!.goLive).toBe(calendar.shiftWorkingDays(wish, 7));
    expect(details.conflicts.map((c) => c.environment)).toEqual(["LAST", "INT", "PREPROD"]);
    expect(await db.prisma.release.count()).toBe(before);

    const free = await create({
      name: "On time",
      version: "on-time:1",
      goLive: details.candidates[0]!.goLive,
      reserve: true,
    });
    expect(free.status).toBe(201);
    // Without reserve, a conflict is still only a warning: the plan is written.
    const warned = await create({ name: "Anyway", version: "anyway:1", goLive: wish });
    expect(warned.status).toBe(201);
  });

  it("re-checks a re-plan onto a taken slot, and leaves the release as it was", async () => {
    const mover = await createRelease(rm, {
      type: "RELEASE",
      name: "Mover",
      version: "mover:1",
      goLive: await goLiveIn(250),
    });
    const answer = await callJson<{ error?: { code: string } }>(releaseRoute.PATCH, {
      method: "PATCH",
      path: `/api/releases/${mover.id}`,
      token: rmToken,
      params: { id: mover.id },
      body: { revision: mover.revision, goLive: wish, reserve: true },
    });
    expect([answer.status, answer.body.error?.code]).toEqual([409, "SLOT_TAKEN"]);
    const unchanged = await db.prisma.release.findUniqueOrThrow({ where: { id: mover.id } });
    expect(unchanged.revision).toBe(mover.revision);
  });
});

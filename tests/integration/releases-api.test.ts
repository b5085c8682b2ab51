// The release routes of docs/API.md: shapes and error statuses, through the route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as auditRoute from "@/app/api/releases/[id]/audit/route";
import * as releaseRoute from "@/app/api/releases/[id]/route";
import * as signoffRoute from "@/app/api/releases/[id]/stages/[key]/signoff/route";
import * as releasesRoute from "@/app/api/releases/route";

import { issueTestToken } from "../support/api-tokens";
import { createUser, goLiveIn } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rmToken: string;
let qaToken: string;
let qa2Token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const [rm, qa, qa2] = await Promise.all([
    createUser(db.prisma, "RELEASE_MANAGER"),
    createUser(db.prisma, "QA"),
    createUser(db.prisma, "QA"),
  ]);
  rmToken = await issueTestToken(db.prisma, rm.email);
  qaToken = await issueTestToken(db.prisma, qa.email);
  qa2Token = await issueTestToken(db.prisma, qa2.email);
});
afterAll(() => db.close());

type Json = Record<string, unknown>;

async function call(
  handler: unknown,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  params: Json = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(request, {
    params: Promise.resolve(params),
  });
  return {
    status: response.status,
    body: (await response.json()) as Json & { error?: { code: string; message: string } },
  };
}

const create = async (body: Json) =>
  call(releasesRoute.POST, "POST", "/api/releases", rmToken, body);
const signoff = (id: string, key: string, token: string, body: unknown) =>
  call(signoffRoute.POST, "POST", `/api/releases/${id}/stages/${key}/signoff`, token, body, {
    id,
    key,
  });

describe("POST /api/releases", () => {
  it("answers 201 with the release: six stages, baseline = forecast, revision 1", async () => {
    const goLive = await goLiveIn(60);
    const { status, body } = await create({
      name: "Checkout 5",
      version: "checkout:5.0.0",
      type: "RELEASE",
      goLive,
      description: "New basket",
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: "Checkout 5",
      version: "checkout:5.0.0",
      digest: null,
      type: "RELEASE",
      status: "PLANNED",
      region: "DE-BW",
      parentId: null,
      revision: 1,
      baselineGoLive: goLive,
      forecastGoLive: goLive,
      atRisk: false,
      currentStage: "DEV",
    });
    const stages = body.stages as Json[];
    expect(stages.map((s) => s.key)).toEqual(["DEV", "TEST", "LAST", "INT", "PREPROD", "PROD"]);
    expect(stages[5]).toMatchObject({
      status: "PENDING",
      plannedStart: goLive,
      plannedEnd: goLive,
      actualStart: null,
      actualEnd: null,
      workingDays: 1,
      approvalsRequired: 1,
      approvals: [],
    });
    expect(stages[4]).toMatchObject({
      approvalsRequired: 2,
      approvalsMissing: 2,
      allowedRoles: ["QA", "RELEASE_MANAGER"],
    });
  });

  it.each([
    [{ name: "", version: "1", type: "RELEASE", goLive: "2030-03-15" }, 400, "VALIDATION_FAILED"],
    [
      { name: "x", version: "has spaces", type: "RELEASE", goLive: "2030-03-15" },
      400,
      "VALIDATION_FAILED",
    ],
    [{ name: "x", version: "1", type: "PATCH", goLive: "2030-03-15" }, 400, "VALIDATION_FAILED"],
    [
      { name: "x", version: "1", type: "RELEASE", goLive: "2030-03-15", start: "2030-02-01" },
      400,
      "VALIDATION_FAILED",
    ],
    [
      { name: "x".repeat(121), version: "1", type: "RELEASE", goLive: "2030-03-15" },
      400,
      "VALIDATION_FAILED",
    ],
    [{ name: "x", version: "1", type: "RELEASE", goLive: "2030-03-16" }, 422, "NOT_A_WORKING_DAY"],
    [
      { name: "x", version: "1", type: "RELEASE", goLive: "2030-03-15", region: "XX" },
      422,
      "UNKNOWN_REGION",
    ],
    [{ name: "x", version: "1", type: "RELEASE", goLive: "2020-03-16" }, 422, "GO_LIVE_IN_PAST"],
    [
      {
        name: "x",
        version: "1",
        type: "PATCH",
        goLive: "2030-03-15",
        parentId: "01900000-0000-7000-8000-000000000000",
      },
      422,
      "PARENT_NOT_FOUND",
    ],
  ])("refuses %j with %i %s and writes nothing", async (body, status, code) => {
    const before = await db.prisma.release.count();
    const response = await create(body);
    expect(response.status).toBe(status);
    expect(response.body.error?.code).toBe(code);
    expect(await db.prisma.release.count()).toBe(before);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await call(releasesRoute.POST, "POST", "/api/releases", rmToken, "{name:");
    expect(response).toMatchObject({ status: 400, body: { error: { code: "MALFORMED_JSON" } } });
  });
});

describe("GET, PATCH and sign-off of one release", () => {
  it("answer 404 for unknown or malformed ids and unknown stages", async () => {
    const unknown = "01900000-0000-7000-8000-000000000000";
    expect(
      (
        await call(releaseRoute.GET, "GET", `/api/releases/${unknown}`, qaToken, undefined, {
          id: unknown,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(releaseRoute.GET, "GET", "/api/releases/not-an-id", qaToken, undefined, {
          id: "not-an-id",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(auditRoute.GET, "GET", `/api/releases/${unknown}/audit`, qaToken, undefined, {
          id: unknown,
        })
      ).status,
    ).toBe(404);
    const { body } = await create({
      name: "x",
      version: "1",
      type: "RELEASE",
      goLive: await goLiveIn(60),
    });
    expect((await signoff(body.id as string, "QA", qaToken, { decision: "APPROVE" })).status).toBe(
      404,
    );
  });

  it("answer 409 for a stale revision, a second decision and a stage that is not current; 400 for a rejection without comment", async () => {
    const { body: created } = await create({
      name: "Conflicts",
      version: "2",
      type: "RELEASE",
      goLive: await goLiveIn(60),
    });
    const id = created.id as string;
    const patched = await call(
      releaseRoute.PATCH,
      "PATCH",
      `/api/releases/${id}`,
      rmToken,
      { revision: 1, name: "Renamed" },
      { id },
    );
    expect(patched).toMatchObject({ status: 200, body: { name: "Renamed", revision: 2 } });
    const stale = await call(
      releaseRoute.PATCH,
      "PATCH",
      `/api/releases/${id}`,
      rmToken,
      { revision: 1, name: "Again" },
      { id },
    );
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "STALE_REVISION" } } });
    expect(
      (
        await call(
          releaseRoute.PATCH,
          "PATCH",
          `/api/releases/${id}`,
          rmToken,
          { name: "No revision" },
          { id },
        )
      ).status,
    ).toBe(400);

    expect((await signoff(id, "TEST", qaToken, { decision: "APPROVE" })).body.error?.code).toBe(
      "STAGE_NOT_CURRENT",
    );
    expect((await signoff(id, "DEV", qaToken, { decision: "REJECT" })).status).toBe(400);
    expect((await signoff(id, "DEV", qaToken, { decision: "MAYBE" })).status).toBe(400);
    await db.prisma.stageWindow.updateMany({
      where: { releaseId: id, key: "DEV" },
      data: { approvalsRequired: 2 },
    });
    expect(
      (await signoff(id, "DEV", qaToken, { decision: "APPROVE", comment: "Starts fine" })).status,
    ).toBe(200);
    const twice = await signoff(id, "DEV", qaToken, { decision: "APPROVE" });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: "ALREADY_DECIDED" } } });
    const second = await signoff(id, "DEV", qa2Token, { decision: "APPROVE" });
    expect(second.status).toBe(200);
    expect((second.body.stages as Json[])[0]).toMatchObject({
      status: "SIGNED_OFF",
      approvalsMissing: 0,
    });
    const approvals = (second.body.stages as { approvals: Json[] }[])[0]!.approvals;
    expect(approvals).toHaveLength(2);
    expect(approvals[0]).toMatchObject({
      decision: "APPROVE",
      comment: "Starts fine",
      user: { role: "QA" },
      at: expect.any(String),
    });

    const audit = await call(
      auditRoute.GET,
      "GET",
      `/api/releases/${id}/audit`,
      qaToken,
      undefined,
      { id },
    );
    const events = audit.body as unknown as { action: string; at: string }[];
    expect(events[0]!.action).toBe("RELEASE_CREATED");
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as planRoute } from "@/app/api/plan/route";
import { GET as regionsRoute } from "@/app/api/regions/route";
import { GET as workingDaysRoute } from "@/app/api/working-days/route";
import { seedDemoData } from "@/lib/server/seed/seed-demo";

import { issueTestToken } from "../support/api-tokens";
import { callRoute, errorOf } from "../support/call-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
  token = await issueTestToken(db.prisma, "viewer@demo.local");
});
afterAll(() => db.close());

// 401 without a session needs Next's request scope: covered by the end-to-end tests.
const plan = (body: unknown) =>
  callRoute(planRoute, { method: "POST", path: "/api/plan", body, token });

describe("POST /api/plan", () => {
  it("plans backward exactly in the documented shape", async () => {
    const response = await plan({ goLive: "2027-03-15", region: "DE-BW" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      region: "DE-BW",
      goLive: "2027-03-15",
      workingDays: 28,
      notes: [],
    });
    expect(body.stages).toEqual([
      { key: "DEV", start: "2027-02-04", end: "2027-02-08", workingDays: 3 },
      { key: "TEST", start: "2027-02-09", end: "2027-02-17", workingDays: 7 },
      { key: "LAST", start: "2027-02-18", end: "2027-02-24", workingDays: 5 },
      { key: "INT", start: "2027-02-25", end: "2027-03-03", workingDays: 5 },
      { key: "PREPROD", start: "2027-03-04", end: "2027-03-12", workingDays: 7 },
      { key: "PROD", start: "2027-03-15", end: "2027-03-15", workingDays: 1 },
    ]);
    expect(body.start).toBe((body.stages as { start: string }[])[0]!.start);
  });

  it("plans forward from a start, with the default region", async () => {
    const response = await plan({ start: "2027-02-08" });
    const body = (await response.json()) as { region: string; goLive: string; stages: unknown[] };
    expect(response.status).toBe(200);
    expect(body.region).toBe("DE-BW");
    expect(body.stages).toHaveLength(6);
  });

  it("moves a go-live out of the year-end freeze and says why in notes", async () => {
    const response = await plan({ goLive: "2027-12-21" });
    const body = (await response.json()) as { goLive: string; notes: string[] };
    expect(body.goLive).toBe("2027-12-17");
    expect(body.notes[0]).toMatch(/Year-end change freeze/);
  });

  it("warns about environment conflicts with releases already planned", async () => {
    // The demo's Customer Portal 2027.02 is planned around then (seeded relative to 2027-03-10).
    const busy = await db.prisma.stageWindow.findFirstOrThrow({
      where: { key: "INT", release: { status: "PLANNED" } },
      include: { release: true },
    });
    const goLive = new Date(busy.plannedEnd.getTime() + 7 * 86_400_000);
    let response = await plan({ goLive: goLive.toISOString().slice(0, 10) });
    if (response.status === 422) {
      const { details } = await errorOf(response);
      response = await plan({ goLive: (details as { suggestions: string[] }).suggestions[1] });
    }
    const body = (await response.json()) as {
      conflicts: { environment: string; releases: { name: string }[] }[];
    };
    expect(body.conflicts.length).toBeGreaterThan(0);
    expect(body.conflicts.flatMap((c) => c.releases.map((r) => r.name))).toContain(
      busy.release.name,
    );
  });

  it("answers 422 NOT_A_WORKING_DAY with the nearest valid go-lives", async () => {
    const error = await errorOf(await plan({ goLive: "2027-03-26" })); // Good Friday
    expect(error).toMatchObject({ status: 422, code: "NOT_A_WORKING_DAY" });
    expect(error.details).toMatchObject({ suggestions: ["2027-03-25", "2027-03-30"] });
  });

  it("answers 422 UNKNOWN_REGION for a region the holiday library does not know", async () => {
    expect(await errorOf(await plan({ goLive: "2027-03-15", region: "XX-YY" }))).toMatchObject({
      status: 422,
      code: "UNKNOWN_REGION",
    });
  });

  it.each([
    [{}, "neither goLive nor start"],
    [{ goLive: "2027-03-15", start: "2027-02-08" }, "both"],
    [{ goLive: "2027-02-30" }, "an impossible date"],
    [{ goLive: "15.03.2027" }, "a date in another format"],
    [{ goLive: "2027-03-15", colour: "red" }, "an unknown field"],
    [{ goLive: 20270315 }, "a number"],
  ])("answers 400 for %j (%s)", async (body, _why) => {
    expect((await errorOf(await plan(body))).status).toBe(400);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const malformed = await callRoute(planRoute, {
      method: "POST",
      path: "/api/plan",
      rawBody: "{goLive:",
      token,
    });
    expect(await errorOf(malformed)).toMatchObject({ status: 400, code: "MALFORMED_JSON" });
  });
});

describe("GET /api/regions", () => {
  it("lists the supported holiday regions with names", async () => {
    const response = await callRoute(regionsRoute, { path: "/api/regions", token });
    const regions = (await response.json()) as { code: string; name: string }[];
    expect(regions).toContainEqual({ code: "DE-BW", name: "Germany: Baden-Württemberg" });
    expect(regions.map((r) => r.code)).toEqual(
      expect.arrayContaining(["DE", "AT", "CH-ZH", "US-CA", "GB-ENG"]),
    );
  });
});

describe("GET /api/working-days", () => {
  it("names the holidays, closures and freezes in a range", async () => {
    const response = await callRoute(workingDaysRoute, {
      path: "/api/working-days?region=DE-BW&from=2027-03-25&to=2027-03-29",
      token,
    });
    const body = (await response.json()) as { days: unknown[] };
    expect(body.days).toEqual([
      { date: "2027-03-26", nonWorking: { kind: "holiday", name: "Good Friday" } },
      { date: "2027-03-27", nonWorking: { kind: "weekend" } },
      { date: "2027-03-28", nonWorking: { kind: "weekend" } },
      { date: "2027-03-29", nonWorking: { kind: "holiday", name: "Easter Monday" } },
    ]);
    const yearEnd = await callRoute(workingDaysRoute, {
      path: "/api/working-days?from=2027-12-22&to=2027-12-24",
      token,
    });
    expect(((await yearEnd.json()) as { days: unknown[] }).days).toEqual([
      {
        date: "2027-12-22",
        freeze: { name: "Year-end change freeze", start: "2027-12-18", end: "2028-01-08" },
      },
      {
        date: "2027-12-23",
        freeze: { name: "Year-end change freeze", start: "2027-12-18", end: "2028-01-08" },
      },
      {
        date: "2027-12-24",
        nonWorking: { kind: "closure", name: "Office closed between the years" },
        freeze: { name: "Year-end change freeze", start: "2027-12-18", end: "2028-01-08" },
      },
    ]);
  });

  it("refuses ranges longer than 400 days", async () => {
    const response = await callRoute(workingDaysRoute, {
      path: "/api/working-days?from=2027-01-01&to=2029-01-01",
      token,
    });
    expect(response.status).toBe(400);
  });
});

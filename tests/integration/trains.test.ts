// Release trains through their routes: owners and admins keep a train, release managers preview
// and plan its next releases (all or none), a train date that does not fit moves to the earliest
// fitting day after it with the reason, planned dates are not planned twice.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import * as planRoute from "@/app/api/products/[key]/train/plan/route";
import * as previewRoute from "@/app/api/products/[key]/train/preview/route";
import * as trainRoute from "@/app/api/products/[key]/train/route";
import { addDays, dateToIso } from "@/lib/domain/dates";
import { parseCadence, trainDates } from "@/lib/domain/trains";
import { calendarFor } from "@/lib/server/calendars";
import { createRelease } from "@/lib/server/releases/create-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { TrainDto, TrainPreviewItem } from "@/lib/types/product";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const isPostgres = inject("testDatabase").kind === "postgres";
type Person = SessionUser & { token: string };
let db: TestDatabase;
const people = {} as Record<"admin" | "rm" | "rm2" | "viewer", Person>;
let firstGoLive: string;
const RULE = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU";

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = {
    admin: "ADMIN",
    rm: "RELEASE_MANAGER",
    rm2: "RELEASE_MANAGER",
    viewer: "VIEWER",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role, `${key} person`);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
    };
  }
  await db.prisma.product.create({
    data: { key: "payments", name: "Payments", owners: { create: [{ userId: people.rm.id }] } },
  });
  await db.prisma.product.create({ data: { key: "quiet", name: "Quiet" } });
  // A Tuesday about three months ahead: far enough for whole plans.
  const today = companyToday((await getPlanningSettings()).companyTimeZone);
  firstGoLive = addDays(today, 90);
  while (new Date(`${firstGoLive}T00:00:00Z`).getUTCDay() !== 2)
    firstGoLive = addDays(firstGoLive, 1);
});
afterAll(() => db.close());

const setTrain = (who: Person, body: unknown, key = "payments") =>
  callJson<TrainDto & { error?: { code: string; details?: unknown } }>(trainRoute.PUT, {
    method: "PUT",
    path: `/api/products/${key}/train`,
    token: who.token,
    body,
    params: { key },
  });
const preview = (who: Person, count: number, key = "payments") =>
  callJson<TrainPreviewItem[] & { error?: { code: string } }>(previewRoute.POST, {
    method: "POST",
    path: `/api/products/${key}/train/preview`,
    token: who.token,
    body: { count },
    params: { key },
  });
const plan = (who: Person, count: number, key = "payments") =>
  callJson<ReleaseDto[] & { error?: { code: string } }>(planRoute.POST, {
    method: "POST",
    path: `/api/products/${key}/train/plan`,
    token: who.token,
    body: { count },
    params: { key },
  });

describe("a product's release train", () => {
  it("is kept by its owners and administrators, with its cadence in words and its next dates", async () => {
    const body = { rule: RULE, firstGoLive, namePattern: "Payments {year}.{n}" };
    const stranger = await setTrain(people.rm2, body);
    expect([stranger.status, stranger.body.error?.code]).toEqual([403, "NOT_AN_OWNER"]);
    expect((await setTrain(people.viewer, body)).status).toBe(403);
    const set = await setTrain(people.rm, body);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      rule: RULE,
      description: "every 2 weeks on Tuesday",
      firstGoLive,
      namePattern: "Payments {year}.{n}",
      versionPattern: "{product}:{year}.{n}",
      region: "DE-BW",
    });
    expect(set.body.nextDates.slice(0, 3)).toEqual([
      firstGoLive,
      addDays(firstGoLive, 14),
      addDays(firstGoLive, 28),
    ]);
    const read = await callJson<TrainDto>(trainRoute.GET, {
      path: "/api/products/payments/train",
      token: people.viewer.token,
      params: { key: "payments" },
    });
    expect(read.body.rule).toBe(RULE);
    expect(await db.prisma.auditEvent.count({ where: { action: "TRAIN_CHANGED" } })).toBe(1);
    expect(
      (
        await callJson(trainRoute.GET, {
          path: "/api/products/quiet/train",
          token: people.viewer.token,
          params: { key: "quiet" },
        })
      ).status,
    ).toBe(404);
  });

  it("refuses a malformed rule, one with no dates, an unknown region and a pattern that names nothing apart", async () => {
    const base = { rule: RULE, firstGoLive, namePattern: "Payments {year}.{n}" };
    const cases: [unknown, number, string][] = [
      [{ ...base, rule: "FREQ=WEEKLY;BYDAY=XX" }, 400, "VALIDATION_FAILED"],
      [{ ...base, rule: "FREQ=MINUTELY" }, 400, "VALIDATION_FAILED"],
      [{ ...base, rule: "FREQ=WEEKLY;UNTIL=20200101T000000Z" }, 422, "EMPTY_CADENCE"],
      [{ ...base, region: "XX-YY" }, 422, "UNKNOWN_REGION"],
      [{ ...base, namePattern: "Payments" }, 400, "VALIDATION_FAILED"],
      [{ ...base, firstGoLive: "2027-02-30" }, 400, "VALIDATION_FAILED"],
    ];
    for (const [body, status, code] of cases) {
      const answer = await setTrain(people.admin, body);
      expect([JSON.stringify(body), answer.status, answer.body.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
    }
    const malformed = await setTrain(people.admin, { ...base, rule: "nonsense" });
    expect(malformed.body.error?.details).toMatchObject({ issues: [{ path: "rule" }] });
  });

  it("previews the next releases: on their dates when they fit, else later with the reason", async () => {
    const settings = await getPlanningSettings();
    const calendar = calendarFor(settings.defaultRegion, settings.periods);
    // Someone else holds the environments a plan for the second train date needs.
    const second = addDays(firstGoLive, 14);
    await createRelease(people.rm2, {
      type: "RELEASE",
      name: "Intruder",
      version: "intruder:1",
      goLive: second,
    });
    const answer = await preview(people.rm, 3);
    expect(answer.status).toBe(200);
    expect(answer.body.map((item) => [item.trainDate, item.name])).toEqual([
      [firstGoLive, `Payments ${firstGoLive.slice(0, 4)}.1`],
      [
        second,
        `Payments ${second.slice(0, 4)}.${second.slice(0, 4) === firstGoLive.slice(0, 4) ? 2 : 1}`,
      ],
      [addDays(firstGoLive, 28), expect.stringMatching(/^Payments \d{4}\.\d+$/)],
    ]);
    const [onTime, moved] = answer.body;
    expect([onTime!.goLive, onTime!.slipWorkingDays, onTime!.reasons]).toEqual([
      firstGoLive,
      0,
      [],
    ]);
    expect(moved!.goLive! > second).toBe(true);
    expect(moved!.slipWorkingDays).toBe(calendar.countWorkingDays(second, moved!.goLive!) - 1);
    expect(moved!.reasons[0]).toMatchObject({
      kind: "ENVIRONMENT_FULL",
      releases: [expect.objectContaining({ name: "Intruder" })],
    });
    expect(moved!.version).toMatch(/^payments:\d{4}\.\d+$/);
    const viewer = await preview(people.viewer, 3);
    expect(viewer.status).toBe(403);
    expect((await preview(people.rm, 27)).status).toBe(400);
  });

  it("creates them all in one go, or none when one cannot be created", async () => {
    const before = await db.prisma.release.count();
    // The version of the third release is taken: nothing is created.
    const items = (await preview(people.rm, 3)).body;
    const blocker = await createRelease(people.rm2, {
      type: "RELEASE",
      name: "Squatter",
      version: items[2]!.version,
      goLive: await goLiveIn(300),
    });
    const refused = await plan(people.rm, 3);
    expect([refused.status, refused.body.error?.code]).toEqual([409, "VERSION_TAKEN"]);
    expect(await db.prisma.release.count()).toBe(before + 1);
    await db.prisma.release.update({ where: { id: blocker.id }, data: { status: "CANCELLED" } });

    const created = await plan(people.rm, 3);
    expect(created.status).toBe(201);
    expect(created.body.map((release) => [release.name, release.forecastGoLive])).toEqual(
      items.map((item) => [item.name, item.goLive]),
    );
    const stored = await db.prisma.release.findMany({
      where: { name: { in: items.map((item) => item.name) } },
      select: { trainDate: true },
      orderBy: { trainDate: "asc" },
    });
    expect(stored.map((release) => dateToIso(release.trainDate!))).toEqual(
      items.map((item) => item.trainDate),
    );
    // The next preview starts after the dates just planned.
    const next = (await preview(people.rm, 1)).body;
    const cadence = parseCadence(RULE, firstGoLive);
    expect(next[0]!.trainDate).toBe(trainDates(cadence, firstGoLive, 4)[3]);
  });

  it("is removed by an owner; its releases stay", async () => {
    const count = await db.prisma.release.count();
    const removed = await callJson(trainRoute.DELETE, {
      method: "DELETE",
      path: "/api/products/payments/train",
      token: people.admin.token,
      params: { key: "payments" },
    });
    expect(removed.status).toBe(204);
    expect(await db.prisma.release.count()).toBe(count);
    expect((await preview(people.rm, 1)).status).toBe(404);
  });
});

describe.skipIf(!isPostgres)("two managers planning a train at once", () => {
  it("never plan a train date twice", async () => {
    await setTrain(
      people.admin,
      {
        rule: "FREQ=WEEKLY;BYDAY=WE",
        firstGoLive: addDays(firstGoLive, 1),
        namePattern: "Quiet {date}",
      },
      "quiet",
    );
    const results = await Promise.allSettled([
      plan(people.rm, 2, "quiet"),
      plan(people.rm2, 2, "quiet"),
    ]);
    expect(
      results.every((result) => result.status === "fulfilled" && result.value.status === 201),
    ).toBe(true);
    const dates = await db.prisma.release.findMany({
      where: { product: { key: "quiet" }, status: { not: "CANCELLED" } },
      select: { trainDate: true },
    });
    const iso = dates.map((release) => dateToIso(release.trainDate!));
    expect(iso).toHaveLength(4);
    expect(new Set(iso).size).toBe(4);
  });
});

// The rollout of the PROD stage through its routes: planning against working days and freezes,
// locked once live, steps marked done in order until the release is fully rolled out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as rolloutRoute from "@/app/api/releases/[id]/rollout/route";
import * as stepDoneRoute from "@/app/api/releases/[id]/rollout/steps/[position]/done/route";
import { isoToDate } from "@/lib/domain/dates";
import { calendarFor } from "@/lib/server/calendars";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, newRelease, takeLive } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Person = SessionUser & { token: string };
let db: TestDatabase;
const people = {} as Record<"rm" | "rm2" | "qa" | "qa2", Person>;

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = { rm: "RELEASE_MANAGER", rm2: "RELEASE_MANAGER", qa: "QA", qa2: "QA" } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
    };
  }
});
afterAll(() => db.close());

type Answer = ReleaseDto & { error?: { code: string; details?: { suggestions?: string[] } } };

const plan = (who: Person, id: string, body: unknown) =>
  callJson<Answer>(rolloutRoute.PUT, {
    method: "PUT",
    path: `/api/releases/${id}/rollout`,
    token: who.token,
    body,
    params: { id },
  });

const done = (who: Person, id: string, position: number) =>
  callJson<Answer>(stepDoneRoute.POST, {
    method: "POST",
    path: `/api/releases/${id}/rollout/steps/${position}/done`,
    token: who.token,
    params: { id, position: String(position) },
  });

async function calendar() {
  const settings = await getPlanningSettings();
  return calendarFor(settings.defaultRegion, settings.periods);
}

describe("planning a rollout", () => {
  it("plans staggered waves on working days after the go-live; QA may not", async () => {
    const release = await newRelease(people.rm);
    const cal = await calendar();
    const goLive = release.forecastGoLive;
    const waves = [
      { date: goLive, percent: 10, label: "Staff" },
      { date: cal.shiftWorkingDays(goLive, 2), percent: 50 },
      { date: cal.shiftWorkingDays(goLive, 4), percent: 100 },
    ];
    const refused = await plan(people.qa, release.id, { strategy: "STAGGERED", steps: waves });
    expect(refused.status).toBe(403);
    const planned = await plan(people.rm, release.id, { strategy: "STAGGERED", steps: waves });
    expect(planned.status).toBe(200);
    expect(planned.body.rollout).toMatchObject({
      strategy: "STAGGERED",
      steps: [
        { position: 1, date: goLive, percent: 10, label: "Staff", doneAt: null },
        { position: 2, percent: 50 },
        { position: 3, percent: 100 },
      ],
      progress: { done: 0, total: 3, completedOn: null },
    });
    const audit = await db.prisma.auditEvent.findFirst({
      where: { releaseId: release.id, action: "ROLLOUT_PLANNED" },
    });
    expect(audit?.comment).toMatch(/^Staggered waves: /);
  });

  it("refuses a wave on a weekend or in a freeze, with the nearest days, and writes nothing", async () => {
    const release = await newRelease(people.rm);
    const cal = await calendar();
    const goLive = release.forecastGoLive;
    let weekend = cal.shiftWorkingDays(goLive, 1);
    while (cal.isWorkingDay(weekend)) weekend = isoDay(weekend, 1);
    const onWeekend = await plan(people.rm, release.id, {
      strategy: "STAGGERED",
      steps: [
        { date: goLive, percent: 20 },
        { date: weekend, percent: 100 },
      ],
    });
    expect([onWeekend.status, onWeekend.body.error?.code]).toEqual([422, "NOT_A_WORKING_DAY"]);
    expect(onWeekend.body.error?.details?.suggestions?.length).toBeGreaterThan(0);

    const frozenDay = cal.shiftWorkingDays(goLive, 3);
    await db.prisma.calendarPeriod.create({
      data: {
        kind: "FREEZE",
        name: "Sale week",
        startDate: isoToDate(frozenDay),
        endDate: isoToDate(frozenDay),
      },
    });
    const inFreeze = await plan(people.rm, release.id, {
      strategy: "CANARY",
      steps: [
        { date: goLive, percent: 5 },
        { date: frozenDay, percent: 100 },
      ],
    });
    expect([inFreeze.status, inFreeze.body.error?.code]).toEqual([422, "IN_FREEZE"]);
    const shares = await plan(people.rm, release.id, {
      strategy: "CANARY",
      steps: [
        { date: goLive, percent: 50 },
        { date: cal.shiftWorkingDays(goLive, 1), percent: 40 },
      ],
    });
    expect([shares.status, shares.body.error?.code]).toEqual([422, "BAD_STEPS"]);
    const malformed = await plan(people.rm, release.id, { strategy: "WAVES", steps: [] });
    expect(malformed.status).toBe(400);
    expect(await db.prisma.rolloutStep.count({ where: { releaseId: release.id } })).toBe(0);
    await db.prisma.calendarPeriod.deleteMany({ where: { name: "Sale week" } });
  });
});

function isoDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe("a rollout under way", () => {
  it("marks waves done in order after the go-live, until the release is fully rolled out", async () => {
    const release = await newRelease(people.rm);
    const cal = await calendar();
    const goLive = release.forecastGoLive;
    await plan(people.rm, release.id, {
      strategy: "DARK_LAUNCH",
      flags: ["new-checkout", "wallets"],
      steps: [
        { date: goLive, label: "new-checkout" },
        { date: cal.shiftWorkingDays(goLive, 3), label: "wallets" },
      ],
    });
    const notLive = await done(people.rm, release.id, 1);
    expect([notLive.status, notLive.body.error?.code]).toEqual([409, "RELEASE_NOT_LIVE"]);

    const live = await takeLive(release.id, {
      qa: people.qa,
      qa2: people.qa2,
      manager: people.rm2,
    });
    // It went live today, weeks before the plan: the flags follow, the same working days after
    // the go-live (counted from today, whatever day it is: on a Sunday the first is Monday).
    const thirdWorkingDayAfter = [1, 2, 3].reduce((day) => cal.nextWorkingDay(day), live.liveOn!);
    expect(live.rollout.steps.map((step) => step.date)).toEqual([
      live.liveOn,
      thirdWorkingDayAfter,
    ]);
    const locked = await plan(people.rm, release.id, { strategy: "BIG_BANG", steps: [] });
    expect([locked.status, locked.body.error?.code]).toEqual([409, "ROLLOUT_LOCKED"]);
    const outOfOrder = await done(people.rm, release.id, 2);
    expect([outOfOrder.status, outOfOrder.body.error?.code]).toEqual([409, "BAD_STEPS"]);
    expect((await done(people.rm, release.id, 1)).body.rollout.progress).toMatchObject({
      done: 1,
      completedOn: null,
    });
    const twice = await done(people.rm, release.id, 1);
    expect(twice.status).toBe(409);
    const last = await done(people.rm2, release.id, 2);
    const today = companyToday((await getPlanningSettings()).companyTimeZone);
    expect(last.body.rollout.progress).toEqual({ done: 2, total: 2, completedOn: today });
    expect(last.body.rollout.steps[1]!.doneBy?.id).toBe(people.rm2.id);
    const completed = await db.prisma.auditEvent.findMany({
      where: { releaseId: release.id, action: "ROLLOUT_STEP_DONE" },
      orderBy: { id: "asc" },
    });
    expect(completed.map((e) => e.comment)).toEqual([null, "The release is fully rolled out."]);
    expect((await done(people.rm, release.id, 7)).status).toBe(404);
  });
});

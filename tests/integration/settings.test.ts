import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dateToIso } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import { planRelease } from "@/lib/server/planning/plan-release";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import {
  createCalendarPeriod,
  deleteCalendarPeriod,
  updateCalendarPeriod,
  updateGeneralSettings,
  updateStageSettings,
} from "@/lib/server/settings/update-settings";
import type { SessionUser } from "@/lib/types/user";
import {
  calendarPeriodSchema,
  generalSettingsSchema,
  stageSettingsSchema,
} from "@/lib/validation/settings";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let admin: SessionUser;
let releaseManager: SessionUser;

const asUser = (row: {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
}): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
});

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
  admin = asUser(await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.local" } }));
  releaseManager = asUser(
    await db.prisma.user.findUniqueOrThrow({ where: { email: "rm@demo.local" } }),
  );
});
afterAll(() => db.close());

describe("defaults", () => {
  it("come from the migration: 28 working days, LAST/INT/PREPROD exclusive, DE-BW, Europe/Berlin", async () => {
    const settings = await getPlanningSettings();
    expect(settings.durations).toEqual({ DEV: 3, TEST: 7, LAST: 5, INT: 5, PREPROD: 7, PROD: 1 });
    expect(settings.stageRules.PREPROD).toEqual({
      approvalsRequired: 2,
      allowedRoles: ["QA", "RELEASE_MANAGER"],
    });
    expect(settings.stageRules.PROD.allowedRoles).toEqual(["RELEASE_MANAGER"]);
    expect(settings.capacity).toEqual({
      DEV: null,
      TEST: null,
      LAST: 1,
      INT: 1,
      PREPROD: 1,
      PROD: null,
    });
    expect(settings).toMatchObject({ defaultRegion: "DE-BW", companyTimeZone: "Europe/Berlin" });
  });
});

describe("stage settings", () => {
  const stages = (testDays: number) =>
    stageSettingsSchema.parse({
      stages: [
        {
          key: "DEV",
          workingDays: 3,
          approvalsRequired: 1,
          allowedRoles: ["QA", "RELEASE_MANAGER"],
        },
        { key: "TEST", workingDays: testDays, approvalsRequired: 1, allowedRoles: ["QA"] },
        { key: "LAST", workingDays: 5, approvalsRequired: 1, allowedRoles: ["QA"] },
        { key: "INT", workingDays: 5, approvalsRequired: 1, allowedRoles: ["QA"] },
        {
          key: "PREPROD",
          workingDays: 7,
          approvalsRequired: 2,
          allowedRoles: ["QA", "RELEASE_MANAGER"],
        },
        { key: "PROD", workingDays: 1, approvalsRequired: 1, allowedRoles: ["RELEASE_MANAGER"] },
      ],
    });

  it("change new plans, never the stage windows already planned, and are audited", async () => {
    const windowsBefore = await db.prisma.stageWindow.findMany({ orderBy: { id: "asc" } });
    await updateStageSettings(admin, stages(10));

    const plan = await planRelease({ goLive: "2027-06-15" });
    expect(plan.workingDays).toBe(31);
    expect(plan.stages[1]).toMatchObject({ key: "TEST", workingDays: 10 });

    const windowsAfter = await db.prisma.stageWindow.findMany({ orderBy: { id: "asc" } });
    expect(windowsAfter).toEqual(windowsBefore);

    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "SETTINGS_CHANGED" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: admin.id, comment: "Stage settings changed" });
    expect(JSON.stringify(event.after)).toContain('"workingDays":10');
    await updateStageSettings(admin, stages(7));
  });

  it("refuse durations that are not whole positive numbers, with a clear message", () => {
    const result = stageSettingsSchema.safeParse({
      stages: stages(7).stages.map((s) => (s.key === "TEST" ? { ...s, workingDays: 0 } : s)),
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("Working days must be at least 1.");
  });

  it("are for administrators only", async () => {
    await expect(updateStageSettings(releaseManager, stages(9))).rejects.toMatchObject({
      kind: "FORBIDDEN",
    });
    expect((await getPlanningSettings()).durations.TEST).toBe(7);
  });
});

describe("company periods", () => {
  it("shape the calendar: a freeze moves the go-live, a closure skips days; removing them restores", async () => {
    const freezeId = await createCalendarPeriod(
      admin,
      calendarPeriodSchema.parse({
        kind: "FREEZE",
        name: "Summer sale",
        start: "2027-07-01",
        end: "2027-07-09",
        recurrence: "ONE_OFF",
        region: "",
      }),
    );
    const moved = await planRelease({ goLive: "2027-07-05" });
    expect(moved.goLive).toBe("2027-06-30");
    expect(moved.notes[0]).toMatch(/Summer sale/);

    await updateCalendarPeriod(
      admin,
      freezeId,
      calendarPeriodSchema.parse({
        kind: "FREEZE",
        name: "Summer sale",
        start: "2027-07-01",
        end: "2027-07-09",
        recurrence: "ONE_OFF",
        region: "AT",
      }),
    );
    expect((await planRelease({ goLive: "2027-07-05" })).goLive).toBe("2027-07-05"); // DE-BW not affected
    expect((await planRelease({ goLive: "2027-07-05", region: "AT" })).goLive).toBe("2027-06-30");

    await deleteCalendarPeriod(admin, freezeId);
    expect((await planRelease({ goLive: "2027-07-05", region: "AT" })).goLive).toBe("2027-07-05");
    const audit = await db.prisma.auditEvent.findMany({
      where: { action: "SETTINGS_CHANGED", comment: { contains: "Summer sale" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.comment)).toEqual([
      "Freeze window 'Summer sale' added",
      "Freeze window 'Summer sale' changed",
      "Freeze window 'Summer sale' removed",
    ]);
  });

  it("refuse a last day before the first, unknown regions and unknown ids", async () => {
    expect(
      calendarPeriodSchema.safeParse({
        kind: "NON_WORKING",
        name: "x",
        start: "2027-07-09",
        end: "2027-07-01",
        recurrence: "ONE_OFF",
      }).success,
    ).toBe(false);
    expect(
      calendarPeriodSchema.safeParse({
        kind: "NON_WORKING",
        name: "x",
        start: "2027-07-01",
        end: "2027-07-09",
        recurrence: "ONE_OFF",
        region: "XX",
      }).success,
    ).toBe(false);
    await expect(
      deleteCalendarPeriod(admin, "01900000-0000-7000-8000-000000000000"),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe("general settings", () => {
  it("set the default region, the company time zone and environment capacity", async () => {
    await updateGeneralSettings(
      admin,
      generalSettingsSchema.parse({
        defaultRegion: "at",
        companyTimeZone: "Europe/Vienna",
        capacity: { DEV: "", TEST: "", LAST: "2", INT: "1", PREPROD: "1", PROD: "" },
      }),
    );
    const settings = await getPlanningSettings();
    expect(settings).toMatchObject({ defaultRegion: "AT", companyTimeZone: "Europe/Vienna" });
    expect(settings.capacity.LAST).toBe(2);
    // 26 October is Austria's National Holiday: the default region now decides.
    await expect(planRelease({ goLive: "2027-10-26" })).rejects.toMatchObject({
      code: "NOT_A_WORKING_DAY",
    });
    expect((await planRelease({ goLive: "2027-10-27" })).region).toBe("AT");
    expect(
      generalSettingsSchema.safeParse({
        defaultRegion: "DE-BW",
        companyTimeZone: "Mars/Olympus",
        capacity: {},
      }).success,
    ).toBe(false);
  });
});

it("keeps plan dates as dates", async () => {
  const period = await db.prisma.calendarPeriod.findFirstOrThrow();
  expect(dateToIso(period.startDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

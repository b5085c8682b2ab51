// What the timeline, the calendar and the environments view read from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "@/lib/domain/dates";
import { calendarFor } from "@/lib/server/calendars";
import {
  getEnvironmentUsage,
  getTimelineAndUsage,
} from "@/lib/server/environments/get-environment-usage";
import { cancelRelease, signOffStage } from "@/lib/server/releases/stage-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import type { SessionUser } from "@/lib/types/user";

import { createUser, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let qa: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  rm = await createUser(db.prisma, "RELEASE_MANAGER");
  qa = await createUser(db.prisma, "QA");
});
afterAll(() => db.close());

describe("the views", () => {
  it("keep an overdue stage in view up to today, though its plan ended before the view", async () => {
    const release = await newRelease(rm, { days: 45, name: "Overdue 1.0" });
    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa }); // TEST runs
    const settings = await getPlanningSettings();
    const goLive = release.forecastGoLive;
    // A working day well after the whole plan: TEST has been running all along.
    const calendar = calendarFor(settings.defaultRegion, settings.periods);
    const later = calendar.nextWorkingDay(addDays(goLive, 30));
    const range = { start: addDays(later, -7), end: addDays(later, 34) };

    const { rows } = await getTimeline({}, range, settings, later);
    const row = rows.find((r) => r.id === release.id)!;
    const test = row.stages.find((s) => s.key === "TEST")!;
    expect(test).toMatchObject({ status: "ACTIVE", end: later });

    const usage = await getEnvironmentUsage(range, settings, later);
    expect(usage.stays.find((s) => s.releaseId === release.id)).toMatchObject({
      environment: "TEST",
      end: later,
    });
    // The honest forecast pushes LAST and the rest after today: a view of the coming weeks shows
    // them, from the next working day; one beyond the forecast go-live leaves the release out.
    const soon = { start: addDays(later, 14), end: addDays(later, 40) };
    const pushed = (await getTimeline({}, soon, settings, later)).rows.find(
      (r) => r.id === release.id,
    );
    expect(pushed?.overdueStage).toBe("TEST");
    expect(pushed?.stages.find((s) => s.key === "LAST")?.start).toBe(
      calendar.nextWorkingDay(later),
    );
    const future = { start: addDays(later, 60), end: addDays(later, 100) };
    expect(
      (await getTimeline({}, future, settings, later)).rows.some((r) => r.id === release.id),
    ).toBe(false);
  });

  it("count exclusive environments shared on one day as conflicts, and cancelled releases not at all", async () => {
    const a = await newRelease(rm, { days: 200, name: "Shared A" });
    const b = await newRelease(rm, { days: 200, name: "Shared B" });
    const c = await newRelease(rm, { days: 200, name: "Shared C" });
    await cancelRelease({ id: c.id, actor: rm, reason: "Dropped" });
    const settings = await getPlanningSettings();
    const last = a.stages.find((s) => s.key === "LAST")!;
    const range = { start: last.plannedStart, end: last.plannedEnd };

    const { stays, conflicts } = await getEnvironmentUsage(
      range,
      settings,
      addDays(range.start, -100),
    );
    expect(stays.some((s) => s.releaseId === c.id)).toBe(false);
    const last2 = conflicts.find((x) => x.environment === "LAST")!;
    expect(last2.releases.map((r) => r.name)).toEqual(["Shared A", "Shared B"]);
    expect(last2).toMatchObject({ start: last.plannedStart, end: last.plannedEnd, capacity: 1 });
    expect(conflicts.some((x) => x.environment === "TEST")).toBe(false); // TEST is shared
    expect(b.forecastGoLive).toBe(a.forecastGoLive);

    // The calendar reads the portfolio once when no filter narrows it: the same usage either way,
    // and with a filter the rows narrow while the conflicts still count every release.
    const today = addDays(range.start, -100);
    const once = await getTimelineAndUsage({}, range, settings, today);
    expect(once.usage).toEqual({ stays, conflicts });
    expect(once.rows.map((row) => row.id)).toEqual(
      (await getTimeline({}, range, settings, today)).rows.map((row) => row.id),
    );
    const filtered = await getTimelineAndUsage({ q: "Shared A" }, range, settings, today);
    expect(filtered.rows.map((row) => row.name)).toEqual(["Shared A"]);
    expect(filtered.usage.conflicts).toEqual(conflicts);
  });
});

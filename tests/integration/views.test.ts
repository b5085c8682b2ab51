// What the timeline, the calendar and the environments view read from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "@/lib/domain/dates";
import { GROUP_ROW_MINIMUM } from "@/lib/domain/dense";
import { calendarFor } from "@/lib/server/calendars";
import {
  getEnvironmentUsage,
  getTimelineAndUsage,
} from "@/lib/server/environments/get-environment-usage";
import { createProduct } from "@/lib/server/products/products";
import { createRelease } from "@/lib/server/releases/create-release";
import { cancelRelease, signOffStage } from "@/lib/server/releases/stage-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { getTimeline, getTimelineView } from "@/lib/server/timeline/get-timeline";
import { companyToday } from "@/lib/server/today";
import type { SessionUser } from "@/lib/types/user";

import { createUser, goLiveIn, newRelease } from "../support/factories";
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

  it("the timeline cuts and groups on the server: the first rows drawn, patches under their release, the rest counted", async () => {
    const admin = await createUser(db.prisma, "ADMIN");
    await createProduct(admin, { key: "cut-a", name: "Cut A", ownerIds: [] });
    await createProduct(admin, { key: "cut-b", name: "Cut B", ownerIds: [] });
    const goLive = await goLiveIn(300);
    const make = (name: string, product: string) =>
      createRelease(rm, { type: "RELEASE", name, version: `${name}-1`, goLive, product });
    const a = [];
    for (let i = 1; i <= 7; i++) a.push(await make(`Cut A${i}`, "cut-a"));
    await make("Cut B1", "cut-b");
    const patch = await createRelease(rm, {
      type: "PATCH",
      name: "Cut A1 fix",
      version: "Cut-A1-fix",
      goLive,
      parentId: a[0]!.id,
    });
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const range = { start: addDays(goLive, -20), end: addDays(goLive, 20) };
    const query = { product: ["cut-a", "cut-b"] };

    const flat = await getTimelineView(query, range, settings, today, {
      group: undefined,
      rowLimit: 1,
    });
    expect(flat.total).toBe(9);
    expect(flat.groups).toBeNull();
    // Same go-live: by name; the patch follows its release and is drawn with it beyond the limit.
    expect(flat.flat!.shown.map((row) => [row.name, row.depth])).toEqual([
      ["Cut A1", 0],
      ["Cut A1 fix", 1],
    ]);
    expect(flat.flat!.hidden).toBe(7);
    expect(flat.flat!.shown[1]!.id).toBe(patch.id);
    expect(flat.flat!.shown[0]!.stages).toHaveLength(6); // drawn rows are whole

    const grouped = await getTimelineView(query, range, settings, today, {
      group: "product",
      rowLimit: 1,
    });
    // Each group draws a few rows at least, while twice the view's rows last: then the groups
    // after fold away, counted.
    expect(grouped.groups!.map((g) => [g.product.key, g.count, g.shown.length, g.hidden])).toEqual([
      ["cut-a", 8, GROUP_ROW_MINIMUM, 8 - GROUP_ROW_MINIMUM],
      ["cut-b", 1, 0, 1],
    ]);
    expect(grouped.total).toBe(9);
    const roomy = await getTimelineView(query, range, settings, today, {
      group: "product",
      rowLimit: 10,
    });
    expect(roomy.groups!.map((g) => [g.product.key, g.shown.length, g.hidden])).toEqual([
      ["cut-a", GROUP_ROW_MINIMUM, 8 - GROUP_ROW_MINIMUM],
      ["cut-b", 1, 0],
    ]);
  });
});

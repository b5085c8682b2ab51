import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { countWhatWaits, listWhatWaits } from "@/lib/server/releases/list-my-approvals";
import {
  getReleasesByIds,
  listReleaseIds,
  listReleasePage,
  listReleases,
} from "@/lib/server/releases/list-releases";
import { isDatabaseEmpty, seedDemoData } from "@/lib/server/seed/seed-demo";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

// A fixed "today" keeps the demo portfolio's dates reproducible.
const TODAY = "2027-03-10";
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: TODAY });
});
afterAll(() => db.close());

describe("demo seed", () => {
  it("creates the demo users with hashed passwords and a dozen releases", async () => {
    expect(await isDatabaseEmpty(db.prisma)).toBe(false);
    const users = await db.prisma.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => u.email)).toEqual([
      "admin@demo.local",
      "qa2@demo.local",
      "qa@demo.local",
      "rm2@demo.local",
      "rm@demo.local",
      "viewer@demo.local",
    ]);
    for (const user of users) expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await db.prisma.release.count()).toBeGreaterThanOrEqual(12);
  });

  it("writes an audit trail matching each release's story", async () => {
    const releases = await listReleases();
    const live = releases.find((r) => r.name === "Customer Portal 2026.11")!;
    const events = await db.prisma.auditEvent.findMany({
      where: { releaseId: live.id },
      orderBy: { id: "asc" },
    });
    expect(events[0]?.action).toBe("RELEASE_CREATED");
    // Its rollout planned before the go-live, live, waves done, then rolled forward by a patch.
    const story = events.map((e) => e.action).filter((action) => !action.startsWith("ROLLOUT_"));
    expect(story.at(-2)).toBe("RELEASE_LIVE");
    expect(story.at(-1)).toBe("RELEASE_OUTCOME");
    expect(events.filter((e) => e.action === "ROLLOUT_STEP_DONE").length).toBeGreaterThan(0);
    expect(events.filter((e) => e.action === "STAGE_SIGNED_OFF")).toHaveLength(6);
  });
});

describe("listReleases", () => {
  it("returns every release with six stages in process order and date-only strings", async () => {
    const releases = await listReleases();
    expect(releases.length).toBeGreaterThanOrEqual(12);
    for (const release of releases) {
      expect(release.stages.map((s) => s.key)).toEqual([
        "DEV",
        "TEST",
        "LAST",
        "INT",
        "PREPROD",
        "PROD",
      ]);
      for (const stage of release.stages) {
        expect(stage.plannedStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(stage.plannedStart <= stage.plannedEnd).toBe(true);
      }
      // Once live, the go-live is the day PROD was signed off; until then PROD's planned day.
      const prod = release.stages[5]!;
      expect(release.forecastGoLive).toBe(
        release.status === "LIVE" ? prod.actualEnd : prod.plannedStart,
      );
    }
    const goLives = releases.map((r) => r.forecastGoLive);
    expect(goLives).toEqual([...goLives].sort());
  });

  it("keeps plan dates exactly as seeded, whatever the process time zone", async () => {
    // Integration tests run with TZ far from UTC (see vitest.config.ts).
    const [release] = await listReleases({ q: "Payments API 3.3.2" });
    expect(release!.forecastGoLive).toBe(TODAY); // its PROD day is today in the demo story
    expect(release!.currentStage).toBe("PROD");
  });

  it("marks the release whose TEST was signed off late as at risk, with the slip in working days", async () => {
    const [billing] = await listReleases({ q: "Billing Engine 2026.12" });
    expect(billing).toMatchObject({
      atRisk: true,
      slipWorkingDays: 3,
      status: "IN_PROGRESS",
      currentStage: "LAST",
    });
    expect(billing!.forecastGoLive > billing!.baselineGoLive).toBe(true);
  });

  it("filters by type, status and text", async () => {
    const patches = await listReleases({ type: "PATCH" });
    expect(patches.length).toBeGreaterThan(0);
    expect(
      patches.every((r) => r.type === "PATCH" && r.parentId !== null && r.parent !== null),
    ).toBe(true);

    const finished = await listReleases({ status: ["LIVE", "CANCELLED"] });
    expect(new Set(finished.map((r) => r.status))).toEqual(new Set(["LIVE", "CANCELLED"]));
    expect(finished.every((r) => r.currentStage === null && !r.atRisk)).toBe(true);

    expect((await listReleases({ q: "search-svc:5.2" })).map((r) => r.name)).toEqual([
      "Search Service 5.2.0",
    ]);
  });

  it("returns the releases whose stage windows overlap a date range", async () => {
    const all = await listReleases();
    const from = "2027-04-01";
    const to = "2027-04-30";
    const expected = all
      .filter((r) => r.stages.some((s) => s.plannedStart <= to && s.plannedEnd >= from))
      .map((r) => r.id)
      .sort();
    const inRange = await listReleases({ from, to });
    expect(inRange.map((r) => r.id).sort()).toEqual(expected);
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(all.length);
  });
});

describe("listReleasePage", () => {
  it("cuts the list in the database, sorted, with the counts of the whole list", async () => {
    const settings = await getPlanningSettings();
    const all = await listReleases({}, settings);
    const first = await listReleasePage({}, { sort: "name", page: 1, pageSize: 5 }, settings);
    expect(first.total).toBe(all.length);
    expect(first.pageCount).toBe(Math.ceil(all.length / 5));
    expect(first.inProgress).toBe(all.filter((r) => r.status === "IN_PROGRESS").length);
    expect(first.atRisk).toBe(all.filter((r) => r.atRisk).length);
    expect(first.atRisk).toBeGreaterThan(0);

    const byName = [...all].sort(
      (a, b) =>
        a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id),
    );
    const pages = [];
    for (let page = 1; page <= first.pageCount; page++)
      pages.push(
        ...(await listReleasePage({}, { sort: "name", page, pageSize: 5 }, settings)).releases,
      );
    // Every release exactly once, in name order (the database's collation decides ties of case).
    expect(pages.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
    expect(pages.map((r) => r.name.toLowerCase())).toEqual(byName.map((r) => r.name.toLowerCase()));

    const descending = await listReleasePage(
      {},
      { sort: "-goLive", page: 1, pageSize: 5 },
      settings,
    );
    const goLives = descending.releases.map((r) => r.baselineGoLive);
    expect(goLives).toEqual([...goLives].sort().reverse());
    expect(goLives[0]).toBe(
      all
        .map((r) => r.baselineGoLive)
        .sort()
        .at(-1),
    );

    // A page past the end is the last one; filters apply to the counts as to the rows.
    const past = await listReleasePage({}, { sort: "name", page: 999, pageSize: 5 }, settings);
    expect(past.page).toBe(first.pageCount);
    const patches = await listReleasePage({ type: "PATCH" }, { sort: "goLive", page: 1 }, settings);
    expect(patches.total).toBe(all.filter((r) => r.type === "PATCH").length);
    expect(patches.releases.every((r) => r.type === "PATCH")).toBe(true);
  });

  it("opens, without a page asked for, where the go-lives reach today", async () => {
    const settings = await getPlanningSettings();
    const all = await listReleases({}, settings);
    const today = companyToday(settings.companyTimeZone);
    const before = all.filter((r) => r.baselineGoLive < today).length;
    const opened = await listReleasePage({}, { sort: "goLive", pageSize: 5 }, settings);
    expect(opened.page).toBe(Math.min(Math.floor(before / 5) + 1, opened.pageCount));
    // The first go-live from today on sits on this page, after the last one before today.
    expect(before).toBeLessThan(all.length);
    const index = before % 5;
    expect(opened.releases[index]!.baselineGoLive >= today).toBe(true);
    if (index > 0) expect(opened.releases[index - 1]!.baselineGoLive < today).toBe(true);
  });
});

describe("countWhatWaits", () => {
  it("counts, for every demo person, exactly what their approvals page lists", async () => {
    const users = await db.prisma.user.findMany({
      select: { id: true, email: true, name: true, role: true },
    });
    let waiting = 0;
    for (const user of users) {
      const { items, outcomesDue } = await listWhatWaits(user);
      expect(await countWhatWaits(user), user.email).toBe(items.length + outcomesDue.length);
      waiting += items.length;
      if (user.role === "VIEWER") expect(items).toEqual([]);
    }
    expect(waiting).toBeGreaterThan(0);
  });
});

describe("listReleaseIds and getReleasesByIds", () => {
  it("give the list's order and rows from a few columns, a page at a time", async () => {
    for (const query of [
      {},
      { from: "2027-04-01", to: "2027-04-30" },
      { from: "2027-03-01" },
      { type: "PATCH" as const },
    ]) {
      const all = await listReleases(query);
      const ids = await listReleaseIds(query);
      expect(ids, JSON.stringify(query)).toEqual(all.map((release) => release.id));
    }
    const all = await listReleases();
    expect(await getReleasesByIds(all.slice(2, 7).map((r) => r.id))).toEqual(all.slice(2, 7));
  });
});

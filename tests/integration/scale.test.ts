// A portfolio big enough that one query per relation with the parent ids as parameters would pass
// PostgreSQL's limit (6,000 releases: 36,000 stages, more approvals): every list, view and export
// loads it. On PostgreSQL, as in CI (PGlite would take minutes to fill).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { addDays } from "@/lib/domain/dates";
import { buildFeed } from "@/lib/server/calendar-feed/build-feed";
import { getEnvironmentUsage } from "@/lib/server/environments/get-environment-usage";
import { listReleasePage, listReleases } from "@/lib/server/releases/list-releases";
import { exportReleasesCsv } from "@/lib/server/reports/export-releases-csv";
import {
  getDeliveryReport,
  getDeliveryReportReleaseByRelease,
} from "@/lib/server/reports/get-delivery-report";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { companyToday } from "@/lib/server/today";

import { seedPortfolio } from "../../bench/portfolio";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const isPostgres = inject("testDatabase").kind === "postgres";
const RELEASES = 6000;
let db: TestDatabase;

beforeAll(async () => {
  if (!isPostgres) return;
  db = await createTestDatabase();
  const demo = await seedDemoData(db.prisma);
  await seedPortfolio(db.prisma, RELEASES - demo.releases, { first: demo.releases });
}, 180_000);
afterAll(() => db?.close());

describe.runIf(isPostgres)("a portfolio of 6,000 releases", () => {
  it("lists every release with its stages and approvals in one go", async () => {
    const settings = await getPlanningSettings();
    const all = await listReleases({}, settings);
    expect(all).toHaveLength(RELEASES);
    expect(all.every((release) => release.stages.length === 6)).toBe(true);
    const approvals = all.reduce(
      (sum, release) => sum + release.stages.reduce((n, stage) => n + stage.approvals.length, 0),
      0,
    );
    expect(approvals).toBe(await db.prisma.approval.count());

    const page = await listReleasePage({}, { sort: "goLive" }, settings);
    expect(page.total).toBe(RELEASES);
    expect(page.releases).toHaveLength(50);
  });

  it("draws the views and exports a year", async () => {
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const year = { start: addDays(today, -180), end: addDays(today, 180) };
    const timeline = await getTimeline({}, year, settings, today);
    expect(timeline.rows.length).toBeGreaterThan(1000);
    const usage = await getEnvironmentUsage(year, settings, today);
    expect(usage.stays.length).toBeGreaterThan(timeline.rows.length);
    const report = await getDeliveryReport({ from: year.start, to: year.end }, settings);
    expect(report.deliveredCount).toBeGreaterThan(500);
    expect(report).toEqual(
      await getDeliveryReportReleaseByRelease({ from: year.start, to: year.end }, settings),
    );
    const csv = await exportReleasesCsv({ from: year.start, to: year.end });
    expect(csv.split("\n").length).toBeGreaterThan(1000);
    const viewer = await db.prisma.user.findUniqueOrThrow({
      where: { email: "viewer@demo.local" },
      select: { id: true, email: true, name: true, role: true },
    });
    const feed = await buildFeed(viewer, "http://localhost");
    expect(feed.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(RELEASES * 6);
  });
});

// The delivery report and its CSV export against the demo data, seeded relative to 2027-03-10.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as csvRoute from "@/app/api/reports/releases.csv/route";
import { RELEASE_CSV_HEADER } from "@/lib/server/reports/export-releases-csv";
import {
  getDeliveryReport,
  getDeliveryReportReleaseByRelease,
} from "@/lib/server/reports/get-delivery-report";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

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

describe("getDeliveryReport", () => {
  it("reports the demo year: twelve go-lives, six late, the worst five working days", async () => {
    const report = await getDeliveryReport(
      { from: "2026-03-01", to: "2027-03-10" },
      await getPlanningSettings(),
    );
    expect(report.delivered).toHaveLength(12);
    expect(report.onTime).toMatchObject({ count: 6, of: 12 });
    expect(Math.max(...report.delivered.map((r) => r.slipWorkingDays))).toBe(5);
    expect(report.delivered.every((r) => r.leadTimeWorkingDays >= 27)).toBe(true);
    const last = report.stageSlips.find((s) => s.key === "LAST")!;
    expect(last).toMatchObject({ worst: 4, worstRelease: "Mobile Backend 2.6.0" });
  });

  it("sums the stored facts to the report counted release by release", async () => {
    const settings = await getPlanningSettings();
    for (const period of [
      { from: "2026-03-01", to: "2027-03-10" },
      { from: "2026-09-01", to: "2027-06-30", type: "PATCH" as const },
      { from: "2025-01-01", to: "2027-12-31", product: ["billing", "mobile-backend"] },
    ]) {
      const report = await getDeliveryReport(period, settings, 1000);
      expect(report).toEqual(await getDeliveryReportReleaseByRelease(period, settings, 1000));
    }
  });

  it("counts a changed stage at once, never a stale fact", async () => {
    const settings = await getPlanningSettings();
    const period = { from: "2026-03-01", to: "2027-03-10" };
    const before = await getDeliveryReport(period, settings);
    const worstLast = before.stageSlips.find((s) => s.key === "LAST")!;
    const release = await db.prisma.release.findFirstOrThrow({
      where: { name: worstLast.worstRelease! },
      include: { stages: { where: { key: "LAST" } } },
    });
    const last = release.stages[0]!;
    // The stage closes a week later: the database marks the release's stored facts stale, and
    // what they still say (here: nonsense) is never summed; the report refreshes them first.
    await db.prisma.stageWindow.update({
      where: { id: last.id },
      data: { actualEnd: new Date(last.actualEnd!.getTime() + 7 * 86_400_000) },
    });
    await db.prisma.stageWindow.updateMany({
      where: { releaseId: release.id },
      data: { takenWorkingDays: 999 },
    });
    const after = await getDeliveryReport(period, settings);
    const afterLast = after.stageSlips.find((s) => s.key === "LAST")!;
    expect(afterLast.worst).toBeGreaterThan(worstLast.worst!);
    expect(afterLast.worst).toBeLessThan(20);
    expect(after).toEqual(await getDeliveryReportReleaseByRelease(period, settings));
    await db.prisma.stageWindow.update({
      where: { id: last.id },
      data: { actualEnd: last.actualEnd },
    });
  });

  it("keeps patches apart when asked", async () => {
    const report = await getDeliveryReport(
      { from: "2026-03-01", to: "2027-03-10", type: "PATCH" },
      await getPlanningSettings(),
    );
    expect(report.delivered).toEqual([]);
    expect(report.months.reduce((sum, m) => sum + m.planned, 0)).toBeGreaterThan(0);
  });
});

describe("GET /api/reports/releases.csv", () => {
  it("answers CSV with a header and one line per release, dates as YYYY-MM-DD", async () => {
    const response = await callRoute(csvRoute.GET as never, {
      path: "/api/reports/releases.csv?from=2027-01-01&to=2027-06-30",
      token,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="releases-2027-01-01-to-2027-06-30.csv"',
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(RELEASE_CSV_HEADER.join(","));
    expect(RELEASE_CSV_HEADER).toHaveLength(14 + 6 * 6);
    const billing = lines.find((line) => line.includes(",Billing Engine 2026.12,"))!;
    const cells = billing.split(",");
    expect(cells).toHaveLength(RELEASE_CSV_HEADER.length);
    expect(cells[RELEASE_CSV_HEADER.indexOf("dev_planned_start")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cells[RELEASE_CSV_HEADER.indexOf("at_risk")]).toBe("true");
  });

  it("refuses bad periods and unknown parameters with 400", async () => {
    const backwards = await callRoute(csvRoute.GET as never, {
      path: "/api/reports/releases.csv?from=2027-06-01&to=2027-01-01",
      token,
    });
    expect(await errorOf(backwards)).toMatchObject({ status: 400 });
    const bad = await callRoute(csvRoute.GET as never, {
      path: "/api/reports/releases.csv?from=2027-02-30",
      token,
    });
    expect((await errorOf(bad)).status).toBe(400);
    const unknown = await callRoute(csvRoute.GET as never, {
      path: "/api/reports/releases.csv?format=xlsx",
      token,
    });
    expect(await errorOf(unknown)).toMatchObject({ status: 400, code: "UNKNOWN_PARAMETER" });
  });
});

// The stored forecast: a cache of each release's forecast that the database marks stale itself,
// refreshed for a day, and never trusted when stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays, dateToIso } from "@/lib/domain/dates";
import { deliveryFactsOf } from "@/lib/domain/delivery-report";
import { storedForecastOf } from "@/lib/domain/progress";
import { calendarFor } from "@/lib/server/calendars";
import { startWorker } from "@/lib/server/notifications/worker";
import { getReleasesByIds, viewWhere } from "@/lib/server/releases/list-releases";
import { holdRelease, signOffStage } from "@/lib/server/releases/stage-actions";
import {
  compareBases,
  FORECAST_BASIS,
  placeReleases,
  refreshStoredForecasts,
} from "@/lib/server/releases/stored-forecast";
import { updateRelease } from "@/lib/server/releases/update-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { createCalendarPeriod } from "@/lib/server/settings/update-settings";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { companyToday } from "@/lib/server/today";
import type { SessionUser } from "@/lib/types/user";

import { createUser, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let qa: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  rm = await createUser(db.prisma, "RELEASE_MANAGER");
  qa = await createUser(db.prisma, "QA");
  admin = await createUser(db.prisma, "ADMIN");
});
afterAll(() => db.close());

async function stored(id: string) {
  const row = await db.prisma.release.findUniqueOrThrow({
    where: { id },
    select: {
      forecastStart: true,
      forecastEnd: true,
      forecastGoLive: true,
      forecastAtRisk: true,
      forecastFrom: true,
      forecastUntil: true,
      forecastStamp: true,
    },
  });
  const day = (value: Date | null) => value && dateToIso(value);
  return {
    start: day(row.forecastStart),
    end: day(row.forecastEnd),
    goLive: day(row.forecastGoLive),
    atRisk: row.forecastAtRisk,
    from: day(row.forecastFrom),
    until: day(row.forecastUntil),
    stamp: row.forecastStamp,
  };
}

describe("the stored forecast", () => {
  it("is computed for a day by the domain's rule, and goes stale when a stage is decided", async () => {
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const release = await newRelease(rm, { days: 50 });
    expect((await stored(release.id)).from).toBeNull(); // new: nothing stored yet

    expect(await refreshStoredForecasts(today)).toBeGreaterThanOrEqual(1);
    const [dto] = await getReleasesByIds([release.id]);
    const expected = storedForecastOf(dto!, today, calendarFor(dto!.region, settings.periods));
    const first = await stored(release.id);
    expect(first).toMatchObject({
      start: expected.start,
      end: expected.end,
      goLive: expected.goLive,
      atRisk: expected.atRisk,
      from: today,
      until: expected.holdsUntil,
    });
    expect(await refreshStoredForecasts(today)).toBe(0); // nothing left to do today

    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
    const after = await stored(release.id);
    expect(after.from).toBeNull();
    expect(after.stamp).toBeGreaterThan(first.stamp);
    expect(await refreshStoredForecasts(today)).toBe(1);
    expect((await stored(release.id)).from).toBe(today);

    // With it, the delivery report's facts: what the signed-off DEV stage took.
    const [signed] = await getReleasesByIds([release.id]);
    const facts = deliveryFactsOf(signed!, calendarFor(signed!.region, settings.periods));
    const stages = await db.prisma.stageWindow.findMany({
      where: { releaseId: release.id },
      orderBy: { key: "asc" },
      select: { takenWorkingDays: true },
    });
    expect(stages.map((stage) => stage.takenWorkingDays)).toEqual(facts.taken);
    expect(facts.taken[0]).toBeGreaterThanOrEqual(0);
    expect(facts.taken.slice(1)).toEqual([null, null, null, null, null]);
  });

  it("goes stale with the status, not with a change of name", async () => {
    const today = companyToday((await getPlanningSettings()).companyTimeZone);
    const release = await newRelease(rm, { days: 40 });
    await refreshStoredForecasts(today);

    await updateRelease(rm, release.id, { description: "Only words", revision: release.revision });
    expect((await stored(release.id)).from).toBe(today);

    await holdRelease({ id: release.id, actor: rm, reason: "Waiting for the vendor" });
    expect((await stored(release.id)).from).toBeNull();
  });

  it("goes stale everywhere when the calendar changes", async () => {
    const today = companyToday((await getPlanningSettings()).companyTimeZone);
    const release = await newRelease(rm, { days: 45 });
    await refreshStoredForecasts(today);
    const before = await db.prisma.release.count({ where: { forecastFrom: null } });
    expect(before).toBe(0);

    await createCalendarPeriod(admin, {
      kind: "NON_WORKING",
      name: "Team offsite",
      start: addDays(today, 20),
      end: addDays(today, 22),
      region: null,
      recurrence: "ONE_OFF",
    });
    expect(await db.prisma.release.count({ where: { forecastFrom: { not: null } } })).toBe(0);
    await refreshStoredForecasts(today);
    expect((await stored(release.id)).from).toBe(today);
  });

  it("goes stale everywhere when an app with newer rules or holidays takes over", async () => {
    const today = companyToday((await getPlanningSettings()).companyTimeZone);
    await newRelease(rm, { days: 30 });
    await refreshStoredForecasts(today);
    const releases = await db.prisma.release.count();
    expect(await db.prisma.forecastBasis.findUnique({ where: { id: 1 } })).toMatchObject({
      basis: FORECAST_BASIS,
    });

    // Stored by an older version (say, an older date-holidays): all recomputed, once.
    await db.prisma.forecastBasis.update({ where: { id: 1 }, data: { basis: "1/3.0.0" } });
    expect(await refreshStoredForecasts(today)).toBe(releases);
    expect(await refreshStoredForecasts(today)).toBe(0);

    // Stored by a newer version (a rolling upgrade under way): this app writes nothing.
    await db.prisma.forecastBasis.update({ where: { id: 1 }, data: { basis: "999/1.0.0" } });
    const stale = await newRelease(rm, { days: 35 });
    expect(await refreshStoredForecasts(today)).toBe(0);
    expect((await stored(stale.id)).from).toBeNull();
    await db.prisma.forecastBasis.update({ where: { id: 1 }, data: { basis: FORECAST_BASIS } });
    expect(await refreshStoredForecasts(today)).toBe(1);
    expect(compareBases("2/3.37.0", "2/3.9.1")).toBeGreaterThan(0);
    expect(compareBases("2/3.37.0", "3/1.0.0")).toBeLessThan(0);
  });

  it("is recomputed once its day has passed, and only where it no longer holds", async () => {
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const release = await newRelease(rm, { days: 60 });
    await refreshStoredForecasts(today);
    const before = await stored(release.id);
    // DEV is due to close on its planned end: the day after, it is overdue and the forecast moves.
    const later = addDays(before.until!, 1);
    expect(await refreshStoredForecasts(later)).toBeGreaterThanOrEqual(1);
    const now = await stored(release.id);
    expect(now.from).toBe(later);
    expect(now.goLive! > before.goLive!).toBe(true);
    expect(await refreshStoredForecasts(later)).toBe(0);
  });

  it("is never trusted when stale: a view reads the release and forecasts it itself", async () => {
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const release = await newRelease(rm, { days: 30 });
    await refreshStoredForecasts(today);
    // A stored forecast from another day that lies about the dates: the view does not believe it.
    await db.prisma.$executeRaw`
      UPDATE releases SET forecast_start = '2001-01-01', forecast_end = '2001-01-02',
        forecast_from = '2001-01-01', forecast_until = '2001-01-01'
      WHERE id = ${release.id}::uuid`;
    const range = { start: today, end: addDays(today, 42) };
    const { rows } = await getTimeline({}, range, settings, today);
    expect(rows.some((row) => row.id === release.id)).toBe(true);
    // The view refreshed it on the way.
    expect((await stored(release.id)).from).toBe(today);
  });

  it("places a release whose stored forecast is stale by forecasting it, as if it were fresh", async () => {
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const release = await newRelease(rm, { days: 35, name: "Placed while stale" });
    await refreshStoredForecasts(today);
    const range = { start: today, end: addDays(today, 60) };
    const where = viewWhere({}, range, today);
    const fresh = (await placeReleases(where, range, today, settings.periods)).find(
      (row) => row.id === release.id,
    );
    expect(fresh).toMatchObject({
      forecastGoLive: release.forecastGoLive,
      atRisk: release.atRisk,
    });
    // Stale, with dates that lie: placed by its own forecast, where the fresh one was.
    await db.prisma.$executeRaw`
      UPDATE releases SET forecast_from = NULL, forecast_go_live = '2001-01-01',
        forecast_start = '2001-01-01', forecast_end = '2001-01-02'
      WHERE id = ${release.id}::uuid`;
    const placed = await placeReleases(where, range, today, settings.periods);
    expect(placed.find((row) => row.id === release.id)).toEqual(fresh);
    // Out of the window, stale or not, it is not placed.
    const before = { start: addDays(today, -400), end: addDays(today, -300) };
    const earlier = await placeReleases(viewWhere({}, before, today), before, today, []);
    expect(earlier.some((row) => row.id === release.id)).toBe(false);
  });

  it("is kept fresh in the background by every instance's worker", async () => {
    const release = await newRelease(rm, { days: 70 });
    expect((await stored(release.id)).from).toBeNull();
    const worker = startWorker({ intervalMs: 20, scheduleEveryMs: 0 });
    try {
      const today = companyToday((await getPlanningSettings()).companyTimeZone);
      await expect
        .poll(async () => (await stored(release.id)).from, { timeout: 10_000 })
        .toBe(today);
    } finally {
      await worker.stop();
    }
  });
});

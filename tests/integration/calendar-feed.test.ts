import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as feedRoute from "@/app/api/calendar.ics/route";
import * as myFeedRoute from "@/app/api/me/calendar-feed/route";
import { listReleases } from "@/lib/server/releases/list-releases";
import { updateRelease } from "@/lib/server/releases/update-release";
import { seedDemoData } from "@/lib/server/seed/seed-demo";

import { createUser, goLiveIn, newRelease } from "../support/factories";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
/** The viewer's browser session: the feed's address is account business, not a token's. */
let cookie: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
  const viewer = await db.prisma.user.findUniqueOrThrow({ where: { email: "viewer@demo.local" } });
  cookie = (await signedInCookie(viewer)).cookie;
});
afterAll(() => db.close());

const call = (handler: unknown, method: string, path: string, signedIn = true) =>
  (handler as (r: Request, c: unknown) => Promise<Response>)(
    new Request(`http://localhost:3000${path}`, {
      method,
      headers: signedIn ? { cookie } : {},
    }),
    undefined,
  );

async function feedUrl(): Promise<string> {
  const response = await call(myFeedRoute.GET, "GET", "/api/me/calendar-feed");
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

async function fetchFeed(url: string) {
  const { pathname, search } = new URL(url);
  return call(feedRoute.GET, "GET", `${pathname}${search}`, false);
}

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describe("calendar feed", () => {
  it("gives the same URL on every call, under the app's origin", async () => {
    const url = await feedUrl();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\.ics\?token=[\w-]{40,}$/);
    expect(await feedUrl()).toBe(url);
  });

  it("serves RFC 5545 all-day events for every stage window and go-live", async () => {
    const response = await fetchFeed(await feedUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = eventsOf(await response.text());
    const releases = await listReleases();
    expect(events).toHaveLength(releases.length * 7);
    expect(events.every((event) => event.startDate.isDate && event.endDate.isDate)).toBe(true);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);

    const billing = releases.find((release) => release.name === "Billing Engine 2026.12")!;
    const goLive = events.find((event) => event.uid === `golive-${billing.id}@release-calendar`)!;
    expect(goLive.summary).toBe(`Go-live: ${billing.name} (${billing.version})`);
    expect(goLive.startDate.toString()).toBe(billing.forecastGoLive);
    expect(goLive.description).toContain(`/releases/${billing.id}`);
    const test = events.find((event) => event.uid === `stage-${billing.id}-TEST@release-calendar`)!;
    expect(test.startDate.toString()).toBe(billing.stages[1]!.actualStart);
  });

  it("keeps UIDs across a re-plan and raises SEQUENCE", async () => {
    const manager = await createUser(db.prisma, "RELEASE_MANAGER");
    const release = await newRelease(manager, { days: 60 });
    const before = eventsOf(await (await fetchFeed(await feedUrl())).text()).filter((e) =>
      e.uid.includes(release.id),
    );
    await updateRelease(manager, release.id, {
      revision: release.revision,
      goLive: await goLiveIn(90),
    });
    const after = eventsOf(await (await fetchFeed(await feedUrl())).text()).filter((e) =>
      e.uid.includes(release.id),
    );
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    for (const event of after) {
      const old = before.find((e) => e.uid === event.uid)!;
      expect(event.sequence).toBeGreaterThan(old.sequence);
    }
    const prodBefore = before.find((e) => e.uid.endsWith("-PROD@release-calendar"))!;
    const prodAfter = after.find((e) => e.uid.endsWith("-PROD@release-calendar"))!;
    expect(prodAfter.startDate.toString() > prodBefore.startDate.toString()).toBe(true);
  });

  it("answers 404 once revoked, and a new URL works", async () => {
    const oldUrl = await feedUrl();
    const revoke = await call(myFeedRoute.DELETE, "DELETE", "/api/me/calendar-feed");
    expect(revoke.status).toBe(204);
    const gone = await fetchFeed(oldUrl);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    const newUrl = await feedUrl();
    expect(newUrl).not.toBe(oldUrl);
    expect((await fetchFeed(newUrl)).status).toBe(200);
    expect((await fetchFeed(oldUrl)).status).toBe(404);
  });

  it("answers 404 for a missing or made-up token", async () => {
    expect((await call(feedRoute.GET, "GET", "/api/calendar.ics", false)).status).toBe(404);
    expect(
      (await call(feedRoute.GET, "GET", "/api/calendar.ics?token=made-up", false)).status,
    ).toBe(404);
  });
});

// Release notes and watchers against a real database and a real SMTP server on loopback: notes
// pushed by a pipeline's deploy token (Markdown or commits), refused when too large, malformed,
// on a cancelled release or by a viewer; published at go-live and mailed to the watchers (and no
// one else); a watched go-live that moves past a watcher's threshold is told once; held and
// cancelled are told; the product's change log, its Atom feed and the calendar feed's notes.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

import { XMLParser } from "fast-xml-parser";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import * as calendarRoute from "@/app/api/calendar.ics/route";
import * as watchProductRoute from "@/app/api/me/watches/products/[key]/route";
import * as watchReleaseRoute from "@/app/api/me/watches/releases/[id]/route";
import * as watchesRoute from "@/app/api/me/watches/route";
import * as productNotesRoute from "@/app/api/products/[key]/notes/route";
import * as atomRoute from "@/app/api/products/[key]/notes.atom/route";
import * as publishRoute from "@/app/api/releases/[id]/notes/publish/route";
import * as notesRoute from "@/app/api/releases/[id]/notes/route";
import { slipInWorkingDays } from "@/lib/domain/progress";
import { resetEnvCache } from "@/lib/env";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";
import { calendarFor } from "@/lib/server/calendars";
import { runDailyJobs } from "@/lib/server/notifications/schedule";
import { updateNotificationPreferences } from "@/lib/server/notifications/webhooks";
import { runOnce } from "@/lib/server/notifications/worker";
import { createRelease } from "@/lib/server/releases/create-release";
import { cancelRelease, holdRelease } from "@/lib/server/releases/stage-actions";
import { updateRelease } from "@/lib/server/releases/update-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson, callRoute } from "../support/call-route";
import { createUser, goLiveIn, takeLive } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let rm2: SessionUser;
let qa: SessionUser;
let qa2: SessionUser;
let viewer: SessionUser;
let stranger: SessionUser;
let rmDeploy: string;
let viewerToken: string;

const mails: ParsedMail[] = [];
const parsing: Promise<unknown>[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, done) {
      const parsed = simpleParser(stream)
        .then((mail) => mails.push(mail))
        .then(() => done(), done);
      parsing.push(parsed);
    },
  });
  await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = "Release Calendar <calendar@test.local>";
  resetEnvCache();
  db = await createTestDatabase();
  [rm, rm2, qa, qa2, viewer, stranger] = await Promise.all([
    createUser(db.prisma, "RELEASE_MANAGER", "Rita"),
    createUser(db.prisma, "RELEASE_MANAGER", "Rob"),
    createUser(db.prisma, "QA", "Quinn"),
    createUser(db.prisma, "QA", "Kim"),
    createUser(db.prisma, "VIEWER", "Vera"),
    createUser(db.prisma, "VIEWER", "Stan"),
  ]);
  rmDeploy = await issueTestToken(db.prisma, rm.email, "deploy");
  viewerToken = await issueTestToken(db.prisma, viewer.email, "write");
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.close();
});

beforeEach(async () => {
  await drain();
  mails.length = 0;
});

async function drain(): Promise<void> {
  for (let round = 0; round < 50 && (await runOnce()); round++);
  await Promise.all(parsing.splice(0));
}

const recipients = (subject: string) =>
  mails
    .filter((mail) => mail.subject === subject)
    .flatMap((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]))
    .flatMap((address) => address?.value ?? [])
    .map((value) => value.address)
    .sort();

let patch = 0;

/** A product of its own for each test, and a release of it. */
async function productWithRelease(days = 60) {
  const key = `p-${randomUUID().slice(0, 8)}`;
  const product = await db.prisma.product.create({
    data: { key, name: `Product ${key}` },
  });
  const release = await createRelease(rm, {
    type: "RELEASE",
    name: `Payments ${key}`,
    version: `3.4.${patch++}`,
    goLive: await goLiveIn(days),
    product: key,
  });
  return { product, release };
}

const notesPath = (id: string) => `/api/releases/${id}/notes`;

function putNotes(id: string, body: unknown, token = rmDeploy) {
  return callJson(notesRoute.PUT, {
    method: "PUT",
    path: notesPath(id),
    token,
    body,
    params: { id },
  });
}

describe("notes pushed and written", () => {
  it("a deploy token pushes the commits; they are grouped, rendered and read by a viewer", async () => {
    const { release } = await productWithRelease();
    const pushed = await putNotes(release.id, {
      commits: [
        {
          sha: "a1b2c3d4e5",
          message: "feat(api): refunds in one call",
          url: "https://git.example/c/a1b2c3d4e5",
        },
        { sha: "b2c3d4e5f6", message: "fix: totals round half up" },
        { sha: "c3d4e5f6a7", message: "Merge pull request #7 from x/y" },
        { sha: "d4e5f6a7b8", message: "feat!: the v1 endpoints are gone" },
      ],
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({
      state: "DRAFT",
      publishedAt: null,
      updatedBy: { id: rm.id },
    });
    const markdown = String(pushed.body.markdown);
    expect(markdown.indexOf("### Breaking changes")).toBeLessThan(markdown.indexOf("### Features"));
    expect(markdown).not.toContain("Merge");
    expect(String(pushed.body.html)).toContain(
      '<a href="https://git.example/c/a1b2c3d" rel="noopener noreferrer nofollow" target="_blank">'.replace(
        "c/a1b2c3d",
        "c/a1b2c3d4e5",
      ),
    );

    const read = await callJson(notesRoute.GET, {
      path: notesPath(release.id),
      token: viewerToken,
      params: { id: release.id },
    });
    expect(read.status).toBe(200);
    expect(read.body.markdown).toBe(markdown);
  });

  it("keeps every version in the audit trail, and an unchanged push writes none", async () => {
    const { release } = await productWithRelease();
    await putNotes(release.id, { markdown: "First" });
    await putNotes(release.id, { markdown: "Second" });
    await putNotes(release.id, { markdown: "Second" });
    const versions = await db.prisma.auditEvent.findMany({
      where: { releaseId: release.id, action: "RELEASE_NOTES_UPDATED" },
      orderBy: { id: "asc" },
    });
    expect(versions.map((event) => (event.after as { markdown: string }).markdown)).toEqual([
      "First",
      "Second",
    ]);
  });

  it("refuses what it must, and writes nothing then", async () => {
    const { release } = await productWithRelease();
    const big = "x".repeat(200 * 1024 + 1);
    expect((await putNotes(release.id, { markdown: big })).status).toBe(413);
    const tooMany = Array.from({ length: 2001 }, (_, index) => ({
      sha: index.toString(16).padStart(7, "0"),
      message: "fix: x",
    }));
    const many = await putNotes(release.id, { commits: tooMany });
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.body)).toContain('"commits"');
    const malformed = await putNotes(release.id, { commits: [{ sha: "not hex!", message: "x" }] });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain("commits.0.sha");
    expect((await putNotes(release.id, { markdown: "a", commits: [] })).status).toBe(400);
    expect((await putNotes(release.id, {})).status).toBe(400);

    // A viewer may read, not write; a read token may not write either.
    const viewerPut = await putNotes(release.id, { markdown: "mine" }, viewerToken);
    expect(viewerPut).toMatchObject({ status: 403 });
    const readToken = await issueTestToken(db.prisma, rm.email, "read");
    expect((await putNotes(release.id, { markdown: "x" }, readToken)).body).toMatchObject({
      error: { code: "TOKEN_SCOPE" },
    });
    expect(await db.prisma.releaseNotes.count({ where: { releaseId: release.id } })).toBe(0);

    // Nothing to publish yet; then a cancelled release keeps its notes as they are.
    const publish = () =>
      callJson(publishRoute.POST, {
        method: "POST",
        path: `${notesPath(release.id)}/publish`,
        token: rmDeploy,
        params: { id: release.id },
      });
    expect((await publish()).body).toMatchObject({ error: { code: "NOTHING_TO_PUBLISH" } });
    await cancelRelease({ id: release.id, actor: rm, reason: "Dropped" });
    expect((await putNotes(release.id, { markdown: "late" })).body).toMatchObject({
      error: { code: "RELEASE_CLOSED" },
    });
    expect((await publish()).status).toBe(409);
  });

  it("publishing by hand announces release.notes_published once", async () => {
    const { release } = await productWithRelease();
    await putNotes(release.id, { markdown: "## New\n\n- Refunds" });
    const publish = () =>
      callJson(publishRoute.POST, {
        method: "POST",
        path: `${notesPath(release.id)}/publish`,
        token: rmDeploy,
        params: { id: release.id },
      });
    const first = await publish();
    expect(first.body).toMatchObject({ state: "PUBLISHED" });
    expect((await publish()).body.publishedAt).toBe(first.body.publishedAt);
    expect(
      await db.prisma.outboxEvent.count({
        where: { releaseId: release.id, event: "release.notes_published" },
      }),
    ).toBe(1);
  });
});

describe("watchers", () => {
  it("hear at go-live, with the published notes; no one else does", async () => {
    const { product, release } = await productWithRelease(40);
    await putNotes(release.id, { markdown: "### Fixes\n\n- Totals round half up" });
    // Vera watches the product by the API, Kim the release; Quinn watches but wants no such email.
    const watched = await callJson(watchProductRoute.PUT, {
      method: "PUT",
      path: `/api/me/watches/products/${product.key}`,
      token: viewerToken,
      params: { key: product.key },
    });
    expect(watched.status).toBe(204);
    const kimToken = await issueTestToken(db.prisma, qa2.email, "write");
    await callRoute(
      (request) => watchReleaseRoute.PUT(request, { params: Promise.resolve({ id: release.id }) }),
      { method: "PUT", path: `/api/me/watches/releases/${release.id}`, token: kimToken },
    );
    await db.prisma.watch.create({ data: { userId: qa.id, productId: product.id } });
    await updateNotificationPreferences(qa, { email: { watchShipped: false } });

    await takeLive(release.id, { qa, qa2, manager: rm2 });
    await drain();

    const subject = `What's new in ${release.name} ${release.version}`;
    expect(recipients(subject)).toEqual([qa2.email, viewer.email].sort());
    const mail = mails.find((m) => m.subject === subject)!;
    expect(mail.html).toContain("<h3>Fixes</h3>");
    expect(mail.text).toContain("• Totals round half up");
    const notes = await db.prisma.releaseNotes.findUniqueOrThrow({
      where: { releaseId: release.id },
    });
    expect(notes.state).toBe("PUBLISHED");
    expect(
      await db.prisma.auditEvent.count({
        where: { releaseId: release.id, action: "RELEASE_NOTES_PUBLISHED" },
      }),
    ).toBe(1);
    expect(recipients(subject)).not.toContain(stranger.email);

    const list = await callJson<{ watches: { kind: string }[]; slipThresholdWorkingDays: number }>(
      watchesRoute.GET,
      { path: "/api/me/watches", token: viewerToken },
    );
    expect(list.body).toMatchObject({
      slipThresholdWorkingDays: 2,
      watches: [{ kind: "product" }],
    });
  });

  it("hear once when a go-live moves past their threshold, and moves add up", async () => {
    const { release } = await productWithRelease(60);
    await db.prisma.watch.create({ data: { userId: viewer.id, releaseId: release.id } });
    await db.prisma.watchNotice.create({
      data: { userId: viewer.id, releaseId: release.id, goLive: new Date(release.forecastGoLive) },
    });
    await db.prisma.watch.create({ data: { userId: stranger.id, releaseId: release.id } });
    await updateNotificationPreferences(stranger, { watch: { slipThresholdWorkingDays: 30 } });

    const calendar = calendarFor(release.region, (await getPlanningSettings()).periods);
    const goLiveDayAfter = (day: string) => {
      let next = calendar.nextWorkingDay(day);
      while (calendar.freezeOn(next)) next = calendar.nextWorkingDay(next);
      return next;
    };
    // A first move Vera tolerates (her threshold is just that far), then a second past it.
    const first = goLiveDayAfter(release.forecastGoLive);
    const tolerated = slipInWorkingDays(release.forecastGoLive, first, calendar);
    await updateNotificationPreferences(viewer, { watch: { slipThresholdWorkingDays: tolerated } });
    let current = await updateRelease(rm, release.id, {
      revision: release.revision,
      goLive: first,
    });
    await drain();
    expect(mails.filter((m) => m.subject?.startsWith("Moved:"))).toHaveLength(0);

    const second = goLiveDayAfter(first);
    current = await updateRelease(rm, release.id, { revision: current.revision, goLive: second });
    await drain();
    const moved = mails.filter((m) => m.subject?.startsWith("Moved:"));
    expect(moved.map((m) => (Array.isArray(m.to) ? m.to : [m.to])[0]!.value[0]!.address)).toEqual([
      viewer.email,
    ]);
    const total = slipInWorkingDays(release.forecastGoLive, second, calendar);
    expect(total).toBeGreaterThan(tolerated);
    expect(moved[0]!.text).toContain(`${total} working days later`);

    // The daily look at the forecast tells nothing new: Vera was told of this go-live.
    await db.prisma.scheduledRun.deleteMany({});
    await runDailyJobs(new Date(`${nextWorkingMorning(calendar)}T09:00:00Z`));
    await drain();
    expect(mails.filter((m) => m.subject?.startsWith("Moved:"))).toHaveLength(1);
    expect(current.forecastGoLive).toBe(second);
  });

  it("hear when a watched release is held or cancelled", async () => {
    const { product, release } = await productWithRelease(60);
    await db.prisma.watch.create({ data: { userId: viewer.id, productId: product.id } });
    const held = await holdRelease({ id: release.id, actor: rm, reason: "Waiting for the bank" });
    await cancelRelease({ id: release.id, actor: rm, reason: "Dropped", revision: held.revision });
    await drain();
    expect(recipients(`On hold: ${release.name}`)).toEqual([viewer.email]);
    expect(recipients(`Cancelled: ${release.name}`)).toEqual([viewer.email]);
    const cancelled = mails.find((m) => m.subject === `Cancelled: ${release.name}`)!;
    expect(cancelled.text).toContain("“Dropped”");
    expect(cancelled.text).toContain(`because you watch ${product.name}`);
  });
});

describe("what stakeholders read", () => {
  it("the change log of a period, newest first, and the Atom feed", async () => {
    const { product, release } = await productWithRelease(30);
    const later = await createRelease(rm, {
      type: "RELEASE",
      name: `Later ${product.key}`,
      version: `3.5.${patch++}`,
      goLive: await goLiveIn(50),
      product: product.key,
    });
    for (const [id, text] of [
      [release.id, "Refunds <script>alert(1)</script>"],
      [later.id, "Faster **totals**"],
    ] as const) {
      await putNotes(id, { markdown: text });
      await callJson(publishRoute.POST, {
        method: "POST",
        path: `${notesPath(id)}/publish`,
        token: rmDeploy,
        params: { id },
      });
    }
    const all = await callJson<{ releaseId: string; html: string }[]>(productNotesRoute.GET, {
      path: `/api/products/${product.key}/notes`,
      token: viewerToken,
      params: { key: product.key },
    });
    expect(all.body.map((notes) => notes.releaseId)).toEqual([later.id, release.id]);
    expect(all.body[1]!.html).not.toContain("<script");
    const period = await callJson<{ releaseId: string }[]>(productNotesRoute.GET, {
      path: `/api/products/${product.key}/notes?to=${release.forecastGoLive}`,
      token: viewerToken,
      params: { key: product.key },
    });
    expect(period.body.map((notes) => notes.releaseId)).toEqual([release.id]);
    const bad = await callJson(productNotesRoute.GET, {
      path: `/api/products/${product.key}/notes?from=2027-02-30`,
      token: viewerToken,
      params: { key: product.key },
    });
    expect(bad.status).toBe(400);

    const feedToken = new URL(
      await getOrCreateFeedUrl(viewer, "http://localhost"),
    ).searchParams.get("token")!;
    const atom = await atomRoute.GET(
      new Request(`http://localhost/api/products/${product.key}/notes.atom?token=${feedToken}`),
      { params: Promise.resolve({ key: product.key }) },
    );
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await atom.text();
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: {
        "@_xmlns": string;
        id: string;
        title: string;
        updated: string;
        entry: {
          id: string;
          title: { "#text": string };
          updated: string;
          link: { "@_href": string };
          content: { "#text": string; "@_type": string };
        }[];
      };
    };
    const { feed } = parsed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBeTruthy();
    expect(JSON.stringify(feed.title)).toContain(product.name);
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    expect(feed.entry).toHaveLength(2);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link["@_href"]).toMatch(/\/releases\//);
      expect(entry.content["@_type"]).toBe("html");
    }
    expect(feed.entry[0]!.title["#text"]).toBe(`Later ${product.key} ${later.version}`);
    expect(feed.entry[0]!.content["#text"]).toContain("<strong>totals</strong>");

    const wrong = await atomRoute.GET(
      new Request(`http://localhost/api/products/${product.key}/notes.atom?token=made-up`),
      { params: Promise.resolve({ key: product.key }) },
    );
    expect(wrong.status).toBe(404);

    // The calendar feed tells the published notes in the go-live's description, as plain text.
    const ics = await (
      await calendarRoute.GET(
        new Request(`http://localhost/api/calendar.ics?token=${feedToken}&product=${product.key}`),
        undefined as never,
      )
    ).text();
    expect(ics.replace(/\r\n /g, "")).toContain("Release notes:\\nFaster totals");
  });
});

/** A working day at least one day ahead, for a daily run that sees a new day. */
function nextWorkingMorning(calendar: { nextWorkingDay: (day: string) => string }): string {
  return calendar.nextWorkingDay(new Date().toISOString().slice(0, 10));
}

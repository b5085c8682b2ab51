// Notifications against real servers on loopback: an SMTP server (smtp-server, messages parsed
// with mailparser) receives the mails of a sign-off journey; an HTTP receiver gets signed webhooks,
// answers 500 twice and then 200, and exactly one delivery succeeds; the daily jobs run once.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import * as deliveriesRoute from "@/app/api/deliveries/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import { parseAllowance } from "@/lib/domain/network";
import { MAX_ATTEMPTS } from "@/lib/domain/notifications";
import { resetEnvCache } from "@/lib/env";
import { dispatchPending } from "@/lib/server/notifications/dispatch";
import { runDailyJobs } from "@/lib/server/notifications/schedule";
import { assertPublicUrl, outboundFetch, type Resolve } from "@/lib/server/notifications/url-guard";
import {
  createWebhook,
  listUndelivered,
  updateNotificationPreferences,
} from "@/lib/server/notifications/webhooks";
import { runOnce } from "@/lib/server/notifications/worker";
import { signOffStage } from "@/lib/server/releases/stage-actions";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson, callRoute } from "../support/call-route";
import { createUser, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let qa: SessionUser;
let qa2: SessionUser;
let admin: SessionUser;

const mails: ParsedMail[] = [];
/** Mails the SMTP server is still parsing (it answers the sender first). */
const parsing: Promise<unknown>[] = [];
let smtp: SMTPServer;

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
/** What the receiver answers next; when empty, 200. */
const answers: number[] = [];
let receiver: Server;
let receiverUrl: string;

function listen(server: { listen: (port: number, host: string, done: () => void) => unknown }) {
  return new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}

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
  await listen(smtp.server);
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 200;
      response.end("ok");
    });
  });
  await listen(receiver);
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/release-calendar`;
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = "Release Calendar <calendar@test.local>";
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  resetEnvCache();

  db = await createTestDatabase();
  [rm, qa, qa2, admin] = await Promise.all([
    createUser(db.prisma, "RELEASE_MANAGER", "Rita"),
    createUser(db.prisma, "QA", "Quinn"),
    createUser(db.prisma, "QA", "Kim"),
    createUser(db.prisma, "ADMIN", "Ada"),
  ]);
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  resetEnvCache();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await db.close();
});

beforeEach(async () => {
  // Each test starts from an empty outbox.
  await drain();
  mails.length = 0;
  received.length = 0;
  answers.length = 0;
});

/** Runs the worker's rounds until nothing is left to do now (as a running instance would). */
async function drain(): Promise<void> {
  for (let round = 0; round < 50 && (await runOnce()); round++);
  await Promise.all(parsing.splice(0));
}

/** Makes every pending retry due now, as if its wait were over. */
async function skipWaits(): Promise<void> {
  await db.prisma.delivery.updateMany({
    where: { status: "PENDING" },
    data: { nextAttemptAt: new Date() },
  });
}

const to = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : [mail.to])
    .flatMap((a) => a?.value ?? [])
    .map((v) => v.address);

describe("emails", () => {
  it("a sign-off journey: signers hear of the opened stage, the creator of the rejection", async () => {
    await updateNotificationPreferences(qa2, { email: { approvalRequested: false } });
    const release = await newRelease(rm);
    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
    await drain();

    // TEST opened: QA may sign it; Kim asked not to be told.
    const opened = mails.filter(
      (mail) => mail.subject === `Sign-off needed: Test of ${release.name}`,
    );
    expect(opened.flatMap(to)).toEqual([qa.email]);
    const mail = opened[0]!;
    expect(mail.from?.value[0]?.address).toBe("calendar@test.local");
    expect(mail.text).toContain(`Hello Quinn,`);
    expect(mail.text).toContain(`Test of ${release.name} (${release.version}) is open`);
    expect(mail.text).toMatch(new RegExp(`/releases/${release.id}`));
    expect(mail.html).toContain(`href="http://localhost:3000/releases/${release.id}"`);
    expect(mail.headers.get("x-release-calendar-delivery")).toBeTruthy();

    mails.length = 0;
    await signOffStage({
      id: release.id,
      key: "TEST",
      decision: "REJECT",
      comment: "Checkout fails <script>alert(1)</script> on Safari.",
      actor: qa,
    });
    await drain();
    const rejected = mails.filter((m) => m.subject === `Rejected: Test of ${release.name}`);
    expect(rejected.flatMap(to)).toEqual([rm.email]);
    expect(rejected[0]!.text).toContain("Quinn rejected Test");
    expect(rejected[0]!.text).toContain("Checkout fails <script>");
    expect(rejected[0]!.html).toContain("&lt;script&gt;");
    expect(rejected[0]!.html).not.toContain("<script>");
    await updateNotificationPreferences(qa2, { email: { approvalRequested: true } });
  });

  it("without an SMTP server emails are held and listed for admins, never sent", async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    try {
      const release = await newRelease(rm);
      await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
      await drain();
      expect(mails).toEqual([]);
      const held = (await listUndelivered(admin)).items.filter(
        (delivery) => delivery.releaseId === release.id && delivery.status === "HELD",
      );
      expect(held.map((delivery) => delivery.subject)).toContain(
        `Sign-off needed: Test of ${release.name}`,
      );

      // The API pages through them, newest first, with the total and a link to the next page.
      const token = await issueTestToken(db.prisma, admin.email);
      const first = await callRoute(deliveriesRoute.GET, {
        path: "/api/deliveries?limit=1",
        token,
      });
      expect(first.status).toBe(200);
      const total = Number(first.headers.get("x-total-count"));
      expect(total).toBe((await listUndelivered(admin)).total);
      expect(total).toBeGreaterThanOrEqual(2);
      const [newest] = (await first.json()) as { id: string; createdAt: string }[];
      const next = new URL(/<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")![1]!);
      const second = await callRoute(deliveriesRoute.GET, {
        path: next.pathname + next.search,
        token,
      });
      const [older] = (await second.json()) as { id: string; createdAt: string }[];
      expect(older!.id).not.toBe(newest!.id);
      expect(older!.createdAt <= newest!.createdAt).toBe(true);
      const tooMany = await callRoute(deliveriesRoute.GET, {
        path: "/api/deliveries?limit=5000",
        token,
      });
      expect(tooMany.status).toBe(400);
    } finally {
      process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
      resetEnvCache();
    }
  });
});

describe("webhooks", () => {
  it("are signed, retried after 500s on the schedule, and delivered exactly once", async () => {
    const secret = "a-webhook-secret-of-32-characters!";
    const hook = await createWebhook(admin, {
      url: receiverUrl,
      events: ["stage.signed_off"],
      secret,
    });
    expect(hook).not.toHaveProperty("secret");
    expect(hook).not.toHaveProperty("secretEncrypted");
    const release = await newRelease(rm);
    answers.push(500, 500);
    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });

    const before = Date.now();
    await dispatchPending();
    await runOnce(); // first attempt: 500
    const afterFirst = await db.prisma.delivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(afterFirst).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    // The first retry within 10 s.
    expect(afterFirst.nextAttemptAt.getTime() - before).toBeLessThanOrEqual(10_000 + 2_000);
    await runOnce();
    expect(received).toHaveLength(1); // not due yet: nothing sent again

    await skipWaits();
    await runOnce(); // second attempt: 500
    const afterSecond = await db.prisma.delivery.findFirstOrThrow({
      where: { webhookId: hook.id },
    });
    expect(afterSecond.attempts).toBe(2);
    // The second within 30 s after that.
    expect(afterSecond.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
    await skipWaits();
    await Promise.all([runOnce(), runOnce()]); // two rounds at once still send it once
    await drain();

    expect(received).toHaveLength(3);
    const delivered = await db.prisma.delivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(delivered).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 200 });
    const ids = new Set(received.map((r) => r.headers["x-release-calendar-delivery"]));
    expect(ids).toEqual(new Set([delivered.id]));
    for (const request of received) {
      expect(request.headers["x-release-calendar-event"]).toBe("stage.signed_off");
      const expected = `sha256=${createHmac("sha256", secret).update(request.body).digest("hex")}`;
      expect(request.headers["x-release-calendar-signature"]).toBe(expected);
    }
    const body = JSON.parse(received[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: delivered.id,
      event: "stage.signed_off",
      stage: "DEV",
      release: { id: release.id, name: release.name, version: release.version },
    });
    await db.prisma.webhook.update({ where: { id: hook.id }, data: { isActive: false } });
  });

  it("give up after the last attempt: failed, and listed for admins", async () => {
    const hook = await createWebhook(admin, {
      url: receiverUrl,
      events: ["release.created"],
      secret: "another-secret-for-the-test",
    });
    answers.push(...Array<number>(MAX_ATTEMPTS).fill(503));
    const release = await newRelease(rm);
    await dispatchPending();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await skipWaits();
      await runOnce();
    }
    const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(delivery).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
      lastStatusCode: 503,
      lastError: "HTTP 503",
    });
    const failed = await listUndelivered(admin);
    expect(failed.items.some((d) => d.id === delivery.id && d.releaseId === release.id)).toBe(true);
    expect(failed.total).toBeGreaterThanOrEqual(failed.items.length);
    await db.prisma.webhook.update({ where: { id: hook.id }, data: { isActive: false } });
  });

  it("refuse loopback and private addresses unless allowed; only admins add them", async () => {
    const adminToken = await issueTestToken(db.prisma, admin.email);
    const rmToken = await issueTestToken(db.prisma, rm.email);
    const add = (token: string, url: string) =>
      callJson<{ error?: { code: string } }>(webhooksRoute.POST, {
        method: "POST",
        path: "/api/webhooks",
        token,
        body: { url, events: ["release.live"], secret: "a-secret-of-sixteen+" },
      });
    expect((await add(rmToken, "https://hooks.example.com/x")).status).toBe(403);
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    resetEnvCache();
    try {
      for (const url of [
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://10.0.0.8/x",
        // The same addresses inside IPv6: mapped (URLs write it in hex), NAT64, 6to4.
        "http://[::ffff:127.0.0.1]:9/x",
        "http://[::ffff:a9fe:a9fe]/latest/meta-data",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
        "http://[2002:7f00:1::]/x",
        "http://2130706433/x", // 127.0.0.1 as one number
      ]) {
        const answer = await add(adminToken, url);
        expect([url, answer.status, answer.body.error?.code]).toEqual([
          url,
          422,
          "URL_NOT_ALLOWED",
        ]);
      }
      expect((await add(adminToken, "ftp://example.com/x")).status).toBe(400);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
      resetEnvCache();
    }
  });
});

describe("the address a webhook connects to", () => {
  // Two receivers on loopback: 127.0.0.2 stands for the public receiver an operator allowed,
  // 127.0.0.1 for an internal service a rebinding name would like to reach.
  const hits = { allowed: 0, internal: 0 };
  let allowed: Server;
  let internal: Server;
  let port = 0;

  beforeAll(async () => {
    internal = createServer((_request, response) => {
      hits.internal++;
      response.end("internal");
    });
    await listen(internal);
    port = (internal.address() as AddressInfo).port;
    allowed = createServer((_request, response) => {
      hits.allowed++;
      response.end("allowed");
    });
    await new Promise<void>((resolve) => allowed.listen(port, "127.0.0.2", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => allowed.close(resolve));
    await new Promise((resolve) => internal.close(resolve));
  });

  /** A DNS answer that changes: the first lookup says one address, every later one another. */
  function rebinding(first: string, later: string) {
    const lookups: string[] = [];
    const resolve: Resolve = (_hostname, callback) => {
      const address = lookups.length === 0 ? first : later;
      lookups.push(address);
      callback(null, [{ address, family: 4 }]);
    };
    return { resolve, lookups };
  }

  it("is the address checked: a name answering public, then private, reaches nothing inside", async () => {
    hits.allowed = hits.internal = 0;
    const allowance = parseAllowance("127.0.0.2/32")!;
    const url = `http://hooks.rebind.test:${port}/x`;
    // The check (when the webhook is saved) sees the public answer; the connection resolves for
    // itself, gets the private one, and is refused before it connects.
    const dns = rebinding("127.0.0.2", "127.0.0.1");
    await assertPublicUrl(url, { allowance, resolve: dns.resolve });
    await expect(
      outboundFetch(url, { method: "POST", body: "{}" }, { allowance, resolve: dns.resolve }),
    ).rejects.toThrow(/private-network address \(127\.0\.0\.1\)/);
    expect(dns.lookups).toEqual(["127.0.0.2", "127.0.0.1"]);
    expect(hits).toEqual({ allowed: 0, internal: 0 });

    // One resolution per connection: what it answered is what is connected to.
    const fresh = rebinding("127.0.0.2", "127.0.0.1");
    const answer = await outboundFetch(
      url,
      { method: "POST", body: "{}" },
      { allowance, resolve: fresh.resolve },
    );
    expect(await answer.text()).toBe("allowed");
    expect(fresh.lookups).toEqual(["127.0.0.2"]);
    expect(hits).toEqual({ allowed: 1, internal: 0 });
  });

  it("refuses private literals before connecting, whatever their spelling", async () => {
    for (const url of [`http://127.0.0.1:${port}/`, `http://[::ffff:7f00:1]:${port}/`]) {
      await expect(outboundFetch(url, { method: "POST" }, { allowance: "none" })).rejects.toThrow(
        /private-network address/,
      );
    }
    expect(hits.internal).toBe(0);
  });

  it("is checked again at delivery: a webhook whose name now leads to loopback is not sent", async () => {
    const hook = await createWebhook(admin, {
      url: `http://localhost:${port}/hook`,
      events: ["stage.signed_off"],
      secret: "a-webhook-secret-of-32-characters!",
    });
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    resetEnvCache();
    hits.internal = 0;
    try {
      const release = await newRelease(rm);
      await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
      await drain();
      const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { webhookId: hook.id } });
      expect(delivery.lastError).toMatch(/localhost is a loopback or private-network address/);
      expect(delivery.status).toBe("PENDING"); // retried later, in case the name changes back
      expect(hits.internal).toBe(0);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
      resetEnvCache();
      await db.prisma.webhook.update({ where: { id: hook.id }, data: { isActive: false } });
    }
  });
});

describe("a new webhook", () => {
  it("hears only what happens after it was added, not what waited in the outbox", async () => {
    const release = await newRelease(rm);
    // Decided, but not yet dispatched when the webhook is added.
    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
    const hook = await createWebhook(admin, {
      url: receiverUrl,
      events: ["stage.signed_off"],
      secret: "a-webhook-secret-of-32-characters!",
    });
    await drain();
    expect(received).toEqual([]);
    await signOffStage({ id: release.id, key: "TEST", decision: "APPROVE", actor: qa });
    await drain();
    expect(received.map((r) => (JSON.parse(r.body) as { stage: string }).stage)).toEqual(["TEST"]);
    await db.prisma.webhook.update({ where: { id: hook.id }, data: { isActive: false } });
  });
});

describe("daily jobs", () => {
  it("run once per company day, even when two instances look at once", async () => {
    // 10:00 UTC on a Wednesday is mid-morning in Berlin.
    const now = new Date("2027-03-03T10:00:00Z");
    const [first, second] = await Promise.all([runDailyJobs(now), runDailyJobs(now)]);
    expect([...first, ...second].sort()).toEqual([
      "at-risk",
      "go-live-tomorrow",
      "overdue-reminders",
      "watch-moves",
    ]);
    expect(await runDailyJobs(now)).toEqual([]);
    expect(
      await db.prisma.scheduledRun.count({ where: { day: new Date("2027-03-03T00:00:00Z") } }),
    ).toBe(4);
    // Before 07:00 and on a weekend nothing runs.
    expect(await runDailyJobs(new Date("2027-03-04T04:00:00Z"))).toEqual([]);
    expect(await runDailyJobs(new Date("2027-03-06T10:00:00Z"))).toEqual([]);
  });
});

// Production signals against a real Alertmanager (Debian's prometheus-alertmanager) on loopback:
// alerts posted to its API reach the app's receiver through its webhook (bearer token, short group
// waits) and land on the release under observation; resolving one shows it resolved. Plus direct
// posts: duplicates, unmatched alerts, truncated payloads, bad input, token scopes, the generic
// signal, the product's own matching, and the first critical alert announced once.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as matchingRoute from "@/app/api/products/[key]/signal-matching/route";
import * as releaseSignalsRoute from "@/app/api/releases/[id]/signals/route";
import * as alertmanagerRoute from "@/app/api/signals/alertmanager/route";
import * as signalsRoute from "@/app/api/signals/route";
import { dispatchPending } from "@/lib/server/notifications/dispatch";
import { createRelease } from "@/lib/server/releases/create-release";
import { getRelease } from "@/lib/server/releases/get-release";
import type { SessionUser } from "@/lib/types/user";

import { type Alertmanager, startAlertmanager } from "../support/alertmanager";
import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn, takeLive } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let rm: SessionUser;
let people: { qa: SessionUser; qa2: SessionUser; manager: SessionUser };
let admin: SessionUser;
let deployToken: string;
let readToken: string;
let adminToken: string;
let app: Server;
let alertmanager: Alertmanager;

/** The app's receiver over real HTTP: requests become Fetch requests for the route handler. */
function serveReceiver(): Promise<string> {
  app = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const answer = await alertmanagerRoute.POST(
        new Request(`http://127.0.0.1${request.url}`, {
          method: request.method,
          headers: request.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
        undefined as never,
      );
      response.writeHead(answer.status, { "content-type": "application/json" });
      response.end(await answer.text());
    });
  });
  return new Promise((resolve) =>
    app.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(app.address() as AddressInfo).port}/api/signals/alertmanager`),
    ),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  [rm, admin] = await Promise.all([
    createUser(db.prisma, "RELEASE_MANAGER", "Rita"),
    createUser(db.prisma, "ADMIN", "Ada"),
  ]);
  people = {
    qa: await createUser(db.prisma, "QA", "Quinn"),
    qa2: await createUser(db.prisma, "QA", "Kim"),
    manager: await createUser(db.prisma, "RELEASE_MANAGER", "Rob"),
  };
  deployToken = await issueTestToken(db.prisma, rm.email, "deploy");
  readToken = await issueTestToken(db.prisma, rm.email, "read");
  adminToken = await issueTestToken(db.prisma, admin.email, "read");
  alertmanager = await startAlertmanager({ webhookUrl: await serveReceiver(), token: deployToken });
}, 60_000);

afterAll(async () => {
  await alertmanager?.stop();
  await new Promise<void>((resolve) => app.close(() => resolve()));
  await db.close();
});

/** A product of the test's own (owned by Rita) with a release live today, under observation. */
async function liveRelease() {
  const key = `svc-${randomUUID().slice(0, 8)}`;
  await db.prisma.product.create({
    data: { key, name: `Service ${key}`, owners: { create: [{ userId: rm.id }] } },
  });
  const release = await createRelease(rm, {
    type: "RELEASE",
    name: `Service ${key} 1.0`,
    version: `${key}:1.0.0`,
    goLive: await goLiveIn(40),
    product: key,
  });
  await takeLive(release.id, people);
  return { key, release: await getRelease(release.id) };
}

function alert(labels: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    status: "firing",
    labels: { alertname: "HighErrorRate", ...labels },
    annotations: { summary: "5xx above 2% for 5 minutes" },
    startsAt: new Date().toISOString(),
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.example/graph?g0.expr=rate",
    fingerprint: randomUUID().replaceAll("-", "").slice(0, 16),
    ...extra,
  };
}

function postPayload(body: unknown, token = deployToken) {
  return callJson<{
    received?: number;
    matched?: number;
    error?: { code: string; message: string };
  }>(alertmanagerRoute.POST, { method: "POST", path: "/api/signals/alertmanager", token, body });
}

const payload = (alerts: unknown[], extra: Record<string, unknown> = {}) => ({
  version: "4",
  groupKey: '{}:{alertname="HighErrorRate"}',
  status: "firing",
  receiver: "release-calendar",
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: "http://alertmanager.example",
  alerts,
  ...extra,
});

describe("a real Alertmanager", () => {
  it("delivers a firing alert to the release under observation, then its resolution", async () => {
    const { key, release } = await liveRelease();
    const startsAt = new Date().toISOString();
    const labels = {
      alertname: `CheckoutErrors${key}`,
      product: key,
      env: "production",
      severity: "critical",
    };
    await alertmanager.postAlerts([
      {
        labels,
        annotations: { summary: "Checkout errors above 2%" },
        startsAt,
        generatorURL: "http://prometheus.example/graph?g0.expr=checkout",
      },
    ]);
    await expect
      .poll(async () => (await getRelease(release.id)).signals, { timeout: 30_000, interval: 200 })
      .toEqual({ critical: 1, warning: 0, firing: 1 });
    const listed = await callJson<{ summary: string; status: string; url: string }[]>(
      releaseSignalsRoute.GET,
      {
        path: `/api/releases/${release.id}/signals`,
        token: readToken,
        params: { id: release.id },
      },
    );
    expect(listed.body).toMatchObject([
      {
        summary: "Checkout errors above 2%",
        status: "FIRING",
        url: "http://prometheus.example/graph?g0.expr=checkout",
      },
    ]);

    // Resolved in Prometheus: Alertmanager tells the receiver, the same signal is resolved.
    await alertmanager.postAlerts([{ labels, startsAt, endsAt: new Date().toISOString() }]);
    await expect
      .poll(async () => (await getRelease(release.id)).signals.firing, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(0);
    const signals = await db.prisma.signal.findMany({ where: { product: { key } } });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ status: "RESOLVED", source: "ALERTMANAGER" });
    expect(signals[0]!.endsAt).not.toBeNull();
    // The first critical alert was announced once: webhook event and an email to its managers.
    expect(
      await db.prisma.outboxEvent.count({
        where: { releaseId: release.id, event: "release.signal" },
      }),
    ).toBe(1);
  });
});

describe("the receiver", () => {
  it("stores an alert once: a repeat updates it; a truncated payload and unknown fields are fine", async () => {
    const { key, release } = await liveRelease();
    const first = alert({ product: key, env: "prod", severity: "warning" });
    const answer = await postPayload(payload([first], { truncatedAlerts: 3, somethingNew: true }));
    expect(answer).toMatchObject({ status: 200, body: { received: 1, matched: 1 } });
    await postPayload(payload([first]));
    const stored = await db.prisma.signal.findMany({ where: { fingerprint: first.fingerprint } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.receivedCount).toBe(2);
    expect((await getRelease(release.id)).signals).toEqual({ critical: 0, warning: 1, firing: 1 });
    // A warning is no critical alert: nothing announced.
    expect(
      await db.prisma.outboxEvent.count({
        where: { releaseId: release.id, event: "release.signal" },
      }),
    ).toBe(0);
  });

  it("keeps unmatched alerts, says why, and lists them for administrators", async () => {
    const { key } = await liveRelease();
    const alerts = [
      alert({ service: "nobody-knows", env: "prod", severity: "critical" }),
      alert({ app: key, env: "staging", severity: "critical" }),
      alert({ app: key, env: "prod", severity: "info" }),
      alert({ app: key, environment: "mars", severity: "critical" }),
      alert(
        { app: key, env: "prod", severity: "critical" },
        { startsAt: new Date(Date.now() - 400 * 86_400_000).toISOString() },
      ),
    ];
    const answer = await postPayload(payload(alerts));
    expect(answer.body).toEqual({ received: 5, matched: 0 });
    const reasons = await db.prisma.signal.findMany({
      where: { fingerprint: { in: alerts.map((a) => a.fingerprint) } },
      select: { fingerprint: true, unmatchedReason: true },
    });
    expect(
      alerts.map((a) => reasons.find((r) => r.fingerprint === a.fingerprint)?.unmatchedReason),
    ).toEqual([
      "UNKNOWN_PRODUCT",
      "NOT_PRODUCTION",
      "SEVERITY_NOT_COUNTED",
      "UNKNOWN_ENVIRONMENT",
      "NO_RELEASE_OBSERVED",
    ]);
    const listed = await callJson<{ id: string; unmatchedReason: string | null }[]>(
      signalsRoute.GET,
      { path: "/api/signals?matched=false&limit=1000", token: adminToken },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.every((signal) => signal.unmatchedReason !== null)).toBe(true);
    expect(listed.body.length).toBeGreaterThanOrEqual(5);
    expect(
      (await callJson(signalsRoute.GET, { path: "/api/signals?matched=false", token: readToken }))
        .status,
    ).toBe(403);
  });

  it("refuses what is not Alertmanager's, too many alerts, bad dates and read tokens", async () => {
    const missing = await postPayload({ version: "4", status: "firing" });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("alerts");
    const noLabels = await postPayload(
      payload([{ status: "firing", startsAt: new Date().toISOString() }]),
    );
    expect(noLabels.status).toBe(400);
    expect(JSON.stringify(noLabels.body)).toContain("alerts.0.labels");
    const badDate = await postPayload(payload([alert({ app: "x" }, { startsAt: "yesterday" })]));
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain("alerts.0.startsAt");
    const many = Array.from({ length: 1001 }, () => alert({ app: "x" }));
    expect((await postPayload(payload(many))).status).toBe(413);
    expect((await postPayload(payload([alert({ app: "x" })]), readToken)).body).toMatchObject({
      error: { code: "TOKEN_SCOPE" },
    });
    expect(
      await db.prisma.signal.count({ where: { labels: { path: ["app"], equals: "x" } } }),
    ).toBe(0);
  });
});

describe("the generic signal and a product's own matching", () => {
  it("takes a monitoring tool's JSON and the product's labels", async () => {
    const { key, release } = await liveRelease();
    const posted = await callJson(signalsRoute.POST, {
      method: "POST",
      path: "/api/signals",
      token: deployToken,
      body: {
        product: key,
        environment: "prod",
        severity: "critical",
        summary: "Synthetic checkout failed",
        startsAt: new Date().toISOString(),
        url: "https://synthetics.example/runs/42",
      },
    });
    expect(posted).toMatchObject({ status: 201, body: { received: 1, matched: 1 } });
    expect((await getRelease(release.id)).signals.critical).toBe(1);
    const bad = await callJson(signalsRoute.POST, {
      method: "POST",
      path: "/api/signals",
      token: deployToken,
      body: { product: key, environment: "moon", severity: "fatal", summary: "", startsAt: "now" },
    });
    expect(bad.status).toBe(400);

    // The owner says alerts name the product by `team_service` and production by `eu-prod-1`.
    const set = await callJson(matchingRoute.PUT, {
      method: "PUT",
      path: `/api/products/${key}/signal-matching`,
      token: await issueTestToken(db.prisma, rm.email, "write"),
      params: { key },
      body: {
        productLabels: ["team_service"],
        environmentLabels: ["cluster"],
        environmentValues: { "EU-PROD-1": "PROD" },
        severities: ["page"],
      },
    });
    expect(set).toMatchObject({
      status: 200,
      body: { environmentValues: { "eu-prod-1": "PROD" } },
    });
    const own = await postPayload(
      payload([alert({ team_service: key, cluster: "eu-prod-1", severity: "page" })]),
    );
    expect(own.body).toEqual({ received: 1, matched: 1 });
    const defaults = await postPayload(
      payload([alert({ product: key, env: "prod", severity: "critical" })]),
    );
    expect(defaults.body).toEqual({ received: 1, matched: 0 });
  });

  it("announces a release's first critical signal once, by email to its managers", async () => {
    const { key, release } = await liveRelease();
    await postPayload(payload([alert({ app: key, env: "prod", severity: "critical" })]));
    await postPayload(payload([alert({ app: key, env: "prod", severity: "critical" })]));
    expect((await getRelease(release.id)).signals.critical).toBe(2);
    const events = await db.prisma.outboxEvent.findMany({
      where: { releaseId: release.id, event: "release.signal" },
    });
    expect(events).toHaveLength(1);
    for (let round = 0; round < 20 && (await dispatchPending()) > 0; round++);
    const emails = await db.prisma.delivery.findMany({
      where: { eventId: events[0]!.id, channel: "EMAIL" },
      select: { userId: true, payload: true },
    });
    expect(emails.map((email) => email.userId)).toContain(rm.id);
    expect(JSON.stringify(emails[0]!.payload)).toContain(`Critical alert: ${release.name}`);
  });
});

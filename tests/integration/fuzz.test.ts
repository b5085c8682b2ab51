// Hostile input against every operation of the API (the OpenAPI table): generated path parameters,
// query strings and bodies (NUL bytes, out-of-range and impossible dates, wrong types, huge values,
// malformed JSON, unknown parameters, real ids mixed in), and a valid request of each operation
// with some of its fields made hostile, sent by a caller allowed to call it (with a token, or from
// a browser session where the operation takes only that). An answer of 500 or more is a bug: bad
// input must get a 4xx with the error envelope. And the fuzzer must get through: for every
// operation, some calls reach the use case (a 2xx, or a 409/422 from a rule); the share is printed.
// (The real HTTP server, its cookie path and the pages: servers.test.ts.)
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Role } from "@/lib/domain/stages";
import { OPERATIONS, type Operation } from "@/lib/http/openapi";
import { isSessionOnly, type Permission, PERMISSIONS } from "@/lib/permissions";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";
import { createWebhook } from "@/lib/server/notifications/webhooks";
import { planRollout } from "@/lib/server/releases/rollout";
import { holdRelease, signOffStage } from "@/lib/server/releases/stage-actions";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { hashPassword } from "@/lib/server/users/passwords";
import { startSession } from "@/lib/server/users/sessions";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { createUser, goLiveIn, newRelease, takeLive } from "../support/factories";
import {
  encode,
  hostileBody,
  hostileQuery,
  hostileText,
  hostileValue,
  keysOf,
} from "../support/hostile";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
// The same inputs on every run, so that CI is reproducible; FUZZ_SEED=random (or a number) explores
// others, as done locally before each change (a failure prints its seed to replay).
const SEED =
  process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? 20_261_202);
const routeModules = import.meta.glob<Record<string, unknown>>("/app/api/**/route.ts");

let db: TestDatabase;
const ROLE_ORDER = ["ADMIN", "RELEASE_MANAGER", "QA", "VIEWER"] as const;
type Caller = { user: SessionUser; token: string; cookie: string };
const callers = {} as Record<Role, Caller>;
const realValues: string[] = [];
/** What a valid request of each operation needs: entities made for it, in the state it wants. */
let fx: Awaited<ReturnType<typeof makeFixtures>>;

async function callerOf(email: string, scope: "read" | "write" = "write"): Promise<Caller> {
  const user = await db.prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true },
  });
  return {
    user,
    token: await issueTestToken(db.prisma, email, scope),
    cookie: (await signedInCookie(user)).cookie,
  };
}

async function makeFixtures() {
  const { ADMIN: admin, RELEASE_MANAGER: rm, QA: qa } = callers;
  const qa2 = await db.prisma.user.findUniqueOrThrow({ where: { email: "qa2@demo.local" } });
  const rm2 = await db.prisma.user.findUniqueOrThrow({ where: { email: "rm2@demo.local" } });
  const planned = await newRelease(rm.user, { days: 70 });
  const toHold = await newRelease(rm.user, { days: 75 });
  const held = await newRelease(rm.user, { days: 80 });
  await holdRelease({ id: held.id, reason: "Waiting for the vendor", actor: rm.user });
  const rejected = await newRelease(rm.user, { days: 85 });
  await signOffStage({
    id: rejected.id,
    key: "DEV",
    decision: "REJECT",
    comment: "Does not start",
    actor: qa.user,
  });
  const live = await newRelease(rm.user, { days: 90 });
  await planRollout(rm.user, live.id, {
    strategy: "CANARY",
    steps: [{ date: live.forecastGoLive, percent: 100 }],
    flags: [],
  });
  const qa3 = await createUser(db.prisma, "QA");
  const rm3 = await createUser(db.prisma, "RELEASE_MANAGER");
  await takeLive(live.id, { qa: qa.user, qa2: qa3, manager: rm3 });
  const victim = await createUser(db.prisma, "VIEWER", "Fuzz Victim");
  await db.prisma.product.create({
    data: {
      key: "fuzz-product",
      name: "Fuzz Product",
      owners: { create: [{ userId: admin.user.id }] },
    },
  });
  for (const key of ["fuzz-product", "fuzz-doomed-train"]) {
    if (key !== "fuzz-product") {
      await db.prisma.product.create({
        data: { key, name: "Fuzz Doomed", owners: { create: [{ userId: admin.user.id }] } },
      });
    }
    await db.prisma.releaseTrain.create({
      data: {
        product: { connect: { key } },
        rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        firstGoLive: new Date(`${await goLiveIn(120)}T00:00:00Z`),
        namePattern: `${key} {date}`,
        versionPattern: `${key}:{date}`,
        updatedBy: { connect: { id: admin.user.id } },
      },
    });
  }
  const delegation = await db.prisma.delegation.create({
    data: {
      delegatorId: qa.user.id,
      deputyId: qa2.id,
      startDate: new Date(`${await goLiveIn(200)}T00:00:00Z`),
      endDate: new Date(`${await goLiveIn(200)}T00:00:00Z`),
    },
  });
  const windowData = {
    kind: "DENY" as const,
    environments: ["PROD" as const],
    rule: "FREQ=WEEKLY;BYDAY=FR",
    startTime: "14:00",
    durationMinutes: 120,
    startsOn: new Date("2027-01-01T00:00:00Z"),
    updatedById: admin.user.id,
  };
  const window = await db.prisma.deploymentWindow.create({
    data: { ...windowData, name: "Fuzz window" },
  });
  const doomedWindow = await db.prisma.deploymentWindow.create({
    data: { ...windowData, name: "Fuzz doomed window" },
  });
  const exceptionData = {
    releaseId: planned.id,
    environment: "PROD" as const,
    startsAt: new Date(Date.now() + 3_600_000),
    endsAt: new Date(Date.now() + 7_200_000),
    reason: "Fuzz incident",
    requestedById: rm.user.id,
  };
  const exceptionToApprove = await db.prisma.gateException.create({ data: exceptionData });
  const exceptionToRefuse = await db.prisma.gateException.create({ data: exceptionData });
  // GitOps targets on loopback, which the fuzz test refuses at once (no connection is tried).
  for (const key of ["fuzz-product", "fuzz-doomed-train"]) {
    await db.prisma.gitopsTarget.create({
      data: {
        product: { connect: { key } },
        repository: "https://127.0.0.1:9/acme/deploy.git",
        branch: "main",
        authorName: "Fuzz",
        authorEmail: "fuzz@example.com",
        environments: {
          DEV: { file: "envs/dev/values.yaml", set: [{ key: "image.tag", value: "TAG" }] },
        },
        updatedBy: { connect: { id: admin.user.id } },
      },
    });
  }
  await db.prisma.releaseNotes.create({
    data: { releaseId: planned.id, markdown: "### Fixes\n\n- Fuzz", updatedById: rm.user.id },
  });
  const failedPromotion = await db.prisma.promotion.create({
    data: { releaseId: planned.id, environment: "TEST", state: "FAILED", error: "fuzz" },
  });
  const ownToken = await createApiToken(admin.user, { name: "fuzz own", scope: "read" });
  const anyToken = await createApiToken(rm.user, { name: "fuzz any", scope: "read" });
  const otherSession = await startSession({ userId: admin.user.id, method: "PASSWORD" });
  const webhook = await createWebhook(admin.user, {
    url: "https://93.184.216.34/fuzz",
    events: ["release.live"],
    secret: "a-fuzz-secret-of-sixteen",
  });
  const doomedWebhook = await createWebhook(admin.user, {
    url: "https://93.184.216.34/fuzz-removed",
    events: ["release.live"],
    secret: "a-fuzz-secret-of-sixteen",
  });
  const feed = new URL(await getOrCreateFeedUrl(callers.VIEWER.user, "http://localhost"));
  // QA changes her password (which ends her other sessions): the admin's stay for the others.
  await db.prisma.user.update({
    where: { id: qa.user.id },
    data: { passwordHash: await hashPassword("the fuzz passphrase") },
  });
  return {
    planned,
    toHold,
    held,
    rejected,
    live,
    victim,
    qa2,
    rm2,
    delegation: delegation.id,
    ownToken: ownToken.id,
    anyToken: anyToken.id,
    otherSession,
    webhook: webhook.id,
    doomedWebhook: doomedWebhook.id,
    feedToken: feed.searchParams.get("token")!,
    window: window.id,
    doomedWindow: doomedWindow.id,
    exceptionToApprove: exceptionToApprove.id,
    exceptionToRefuse: exceptionToRefuse.id,
    failedPromotion: failedPromotion.id,
    goLive: await goLiveIn(100),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
  callers.ADMIN = await callerOf("admin@demo.local");
  callers.RELEASE_MANAGER = await callerOf("rm@demo.local");
  callers.QA = await callerOf("qa@demo.local");
  callers.VIEWER = await callerOf("viewer@demo.local", "read");
  fx = await makeFixtures();
  const releases = await db.prisma.release.findMany({
    take: 3,
    select: { id: true, version: true },
  });
  const products = await db.prisma.product.findMany({ take: 2, select: { key: true } });
  const users = await db.prisma.user.findMany({ take: 2, select: { id: true } });
  realValues.push(
    ...releases.flatMap((r) => [r.id, r.version]),
    ...products.map((p) => p.key),
    ...users.map((u) => u.id),
  );
}, 180_000);
console.info(`fuzz seed: ${SEED ?? "random (fast-check prints it on a failure)"}`);
const statuses = new Map<number, number>();
/** Per operation: calls made, and calls that reached the use case. */
const reached = new Map<string, { calls: number; through: number }>();
afterAll(async () => {
  // The answers seen, by status: most are 4xx, and some calls got through to a 2xx.
  console.info("fuzz answers by status:", Object.fromEntries(statuses));
  const shares = [...reached].map(
    ([name, { calls, through }]) => `${Math.round((100 * through) / calls)}% ${name}`,
  );
  console.info(`fuzz calls that reached the use case, per operation:\n  ${shares.join("\n  ")}`);
  await db.close();
});

/**
 * A valid request of each operation (path parameters, query, body, and who sends it when the
 * first role allowed is not the one the rule wants): the starting point the fuzzer mutates.
 */
/** How many unique names examples made (keys, versions, emails must differ on every call). */
let made = 0;

type Example = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  as?: Role;
};

function exampleOf(operation: Operation): Example {
  const id = (release: { id: string }) => ({ id: release.id });
  const unique = () => `${(++made).toString(36)}`;
  const examples: Record<string, () => Example> = {
    "POST /api/plan": () => ({ body: { goLive: fx.goLive, region: "DE-BW" } }),
    "POST /api/plan/search": () => ({ body: { goLive: fx.goLive, count: 2, horizonDays: 60 } }),
    "GET /api/regions": () => ({}),
    "GET /api/working-days": () => ({ query: { from: "2027-03-01", to: "2027-03-31" } }),
    "GET /api/releases": () => ({ query: { from: "2027-01-01", to: "2027-12-31" } }),
    "POST /api/releases": () => ({
      body: {
        name: `Fuzz ${unique()}`,
        version: `fuzz:${unique()}`,
        type: "RELEASE",
        goLive: fx.goLive,
      },
    }),
    "GET /api/releases/{id}": () => ({ params: id(fx.planned) }),
    "PATCH /api/releases/{id}": () => ({
      params: id(fx.planned),
      body: { revision: 1, description: "Changed by the fuzzer" },
    }),
    "POST /api/releases/{id}/what-if": () => ({
      params: id(fx.planned),
      body: { goLive: fx.goLive },
    }),
    "POST /api/releases/{id}/stages/{key}/signoff": () => ({
      params: { ...id(fx.planned), key: "DEV" },
      body: { decision: "APPROVE" },
      as: "QA",
    }),
    "POST /api/releases/{id}/stages/{key}/reopen": () => ({
      params: { ...id(fx.rejected), key: "DEV" },
      body: { comment: "Fixed" },
    }),
    "POST /api/releases/{id}/hold": () => ({ params: id(fx.toHold), body: { reason: "Paused" } }),
    "POST /api/releases/{id}/resume": () => ({ params: id(fx.held), body: {} }),
    "POST /api/releases/{id}/cancel": () => ({
      params: id(fx.toHold),
      body: { reason: "Dropped" },
    }),
    "GET /api/releases/{id}/audit": () => ({ params: id(fx.planned) }),
    "POST /api/releases/{id}/outcome": () => ({
      params: id(fx.live),
      body: { outcome: "KEPT", comment: "Quiet week" },
      as: "RELEASE_MANAGER",
    }),
    "PUT /api/releases/{id}/rollout": () => ({
      params: id(fx.planned),
      body: { strategy: "BIG_BANG", steps: [] },
    }),
    "POST /api/releases/{id}/rollout/steps/{position}/done": () => ({
      params: { ...id(fx.live), position: "1" },
    }),
    "GET /api/releases/{id}/deployments": () => ({ params: id(fx.planned) }),
    "POST /api/deployments": () => ({
      body: { environment: "DEV", version: fx.planned.version, status: "SUCCEEDED" },
    }),
    "GET /api/reports/releases.csv": () => ({ query: { from: "2026-01-01", to: "2027-12-31" } }),
    "GET /api/calendar.ics": () => ({ query: { token: fx.feedToken } }),
    "GET /api/me/calendar-feed": () => ({}),
    "DELETE /api/me/calendar-feed": () => ({}),
    "GET /api/me/approvals": () => ({ as: "QA" }),
    "GET /api/products": () => ({}),
    "POST /api/products": () => ({ body: { key: `fuzz-${unique()}`, name: `Fuzz ${unique()}` } }),
    "GET /api/products/{key}": () => ({ params: { key: "fuzz-product" } }),
    "PATCH /api/products/{key}": () => ({
      params: { key: "fuzz-product" },
      body: { description: "Changed by the fuzzer" },
    }),
    "PUT /api/products/{key}/approvers/{stage}": () => ({
      params: { key: "fuzz-product", stage: "TEST" },
      body: { userIds: [fx.qa2.id] },
    }),
    "GET /api/products/{key}/train": () => ({ params: { key: "fuzz-product" } }),
    "PUT /api/products/{key}/train": () => ({
      params: { key: "fuzz-product" },
      body: {
        rule: "FREQ=MONTHLY;BYDAY=2TU",
        firstGoLive: fx.goLive,
        namePattern: "Fuzz {year}.{n}",
      },
    }),
    "DELETE /api/products/{key}/train": () => ({ params: { key: "fuzz-doomed-train" } }),
    "POST /api/products/{key}/train/preview": () => ({
      params: { key: "fuzz-product" },
      body: { count: 2 },
    }),
    "POST /api/products/{key}/train/plan": () => ({
      params: { key: "fuzz-product" },
      body: { count: 1 },
      as: "RELEASE_MANAGER",
    }),
    "GET /api/me/delegations": () => ({}),
    "POST /api/me/delegations": () => ({
      body: { deputyId: fx.qa2.id, from: fx.goLive, to: fx.goLive },
      as: "QA",
    }),
    "DELETE /api/me/delegations/{id}": () => ({ params: { id: fx.delegation }, as: "QA" }),
    "GET /api/users": () => ({ query: { q: "demo" } }),
    "POST /api/users": () => ({
      body: { email: `fuzz-${unique()}@test.local`, name: "Fuzz Person", role: "QA" },
    }),
    "GET /api/users/{id}": () => ({ params: { id: fx.victim.id } }),
    "PATCH /api/users/{id}": () => ({ params: { id: fx.victim.id }, body: { name: "Renamed" } }),
    "POST /api/users/{id}/password-reset": () => ({ params: { id: fx.victim.id }, body: {} }),
    "POST /api/me/password": () => ({
      body: { currentPassword: "the fuzz passphrase", newPassword: "the fuzz passphrase" },
      as: "QA",
    }),
    "GET /api/me/tokens": () => ({}),
    "POST /api/me/tokens": () => ({ body: { name: `Fuzz ${unique()}`, scope: "read" } }),
    "DELETE /api/me/tokens/{id}": () => ({ params: { id: fx.ownToken } }),
    "GET /api/tokens": () => ({}),
    "DELETE /api/tokens/{id}": () => ({ params: { id: fx.anyToken } }),
    "GET /api/me/sessions": () => ({}),
    "DELETE /api/me/sessions/{id}": () => ({ params: { id: fx.otherSession } }),
    "GET /api/me/notifications": () => ({}),
    "PUT /api/me/notifications": () => ({ body: { email: { atRisk: false } } }),
    "GET /api/webhooks": () => ({}),
    "POST /api/webhooks": () => ({
      body: {
        url: "https://93.184.216.34/hook",
        events: ["release.live"],
        secret: "sixteen-characters!",
      },
    }),
    "DELETE /api/webhooks/{id}": () => ({ params: { id: fx.doomedWebhook } }),
    "GET /api/webhooks/{id}/deliveries": () => ({ params: { id: fx.webhook } }),
    "POST /api/webhooks/{id}/test": () => ({ params: { id: fx.webhook } }),
    "GET /api/deliveries": () => ({}),
    "GET /api/products/{key}/gitops": () => ({ params: { key: "fuzz-product" } }),
    "PUT /api/products/{key}/gitops": () => ({
      params: { key: "fuzz-product" },
      body: {
        repository: "https://93.184.216.34/acme/deploy.git",
        branch: "main",
        author: { name: "Fuzz", email: "fuzz@example.com" },
        environments: {
          LAST: { file: "envs/last/values.yaml", set: [{ key: "image.tag", value: "TAG" }] },
        },
      },
    }),
    "DELETE /api/products/{key}/gitops": () => ({ params: { key: "fuzz-doomed-train" } }),
    "POST /api/products/{key}/gitops/test": () => ({ params: { key: "fuzz-product" } }),
    "GET /api/releases/{id}/promotions": () => ({ params: id(fx.planned) }),
    "GET /api/releases/{id}/notes": () => ({ params: id(fx.planned) }),
    "PUT /api/releases/{id}/notes": () => ({
      params: id(fx.planned),
      body: { commits: [{ sha: "abc1234", message: "fix(fuzz): a line" }] },
    }),
    "POST /api/releases/{id}/notes/publish": () => ({ params: id(fx.planned) }),
    "GET /api/products/{key}/notes": () => ({
      params: { key: "fuzz-product" },
      query: { from: "2026-01-01", to: "2027-12-31" },
    }),
    "GET /api/products/{key}/notes.atom": () => ({
      params: { key: "fuzz-product" },
      query: { token: fx.feedToken },
    }),
    "GET /api/me/watches": () => ({}),
    "POST /api/signals/alertmanager": () => ({
      body: {
        version: "4",
        status: "firing",
        alerts: [
          {
            status: "firing",
            labels: {
              alertname: "Fuzz",
              product: "fuzz-product",
              env: "prod",
              severity: "critical",
            },
            annotations: { summary: "Fuzz alert" },
            startsAt: "2027-03-10T10:00:00Z",
            endsAt: "0001-01-01T00:00:00Z",
            fingerprint: "fuzz0001",
          },
        ],
      },
    }),
    "POST /api/signals": () => ({
      body: {
        product: "fuzz-product",
        environment: "PROD",
        severity: "warning",
        summary: "Fuzz signal",
        startsAt: "2027-03-10T10:00:00Z",
      },
    }),
    "GET /api/signals": () => ({ query: { matched: "false" } }),
    "GET /api/releases/{id}/signals": () => ({ params: id(fx.live) }),
    "GET /api/products/{key}/signal-matching": () => ({ params: { key: "fuzz-product" } }),
    "PUT /api/products/{key}/signal-matching": () => ({
      params: { key: "fuzz-product" },
      body: {
        productLabels: ["product", "service"],
        environmentLabels: ["env"],
        environmentValues: { prod: "PROD" },
        severities: ["critical", "warning"],
      },
    }),
    "DELETE /api/products/{key}/signal-matching": () => ({ params: { key: "fuzz-doomed-train" } }),
    "PUT /api/me/watches/products/{key}": () => ({ params: { key: "fuzz-product" } }),
    "DELETE /api/me/watches/products/{key}": () => ({ params: { key: "fuzz-product" } }),
    "PUT /api/me/watches/releases/{id}": () => ({ params: id(fx.planned) }),
    "DELETE /api/me/watches/releases/{id}": () => ({ params: id(fx.planned) }),
    "POST /api/releases/{id}/promotions": () => ({
      params: id(fx.planned),
      body: { environment: "DEV" },
      as: "RELEASE_MANAGER",
    }),
    "POST /api/promotions/{id}/retry": () => ({ params: { id: fx.failedPromotion } }),
    "GET /api/windows": () => ({}),
    "POST /api/windows": () => ({
      body: {
        name: `Fuzz ${unique()}`,
        kind: "DENY",
        environments: ["PROD"],
        rule: "FREQ=WEEKLY;BYDAY=FR",
        startTime: "14:00",
        durationMinutes: 60,
      },
    }),
    "PATCH /api/windows/{id}": () => ({ params: { id: fx.window }, body: { name: "Renamed" } }),
    "DELETE /api/windows/{id}": () => ({ params: { id: fx.doomedWindow } }),
    "GET /api/windows/export": () => ({ query: { format: "argocd", environment: "PROD" } }),
    "GET /api/gate": () => ({ query: { environment: "DEV", version: fx.planned.version } }),
    "GET /api/releases/{id}/exceptions": () => ({ params: id(fx.planned) }),
    "POST /api/releases/{id}/exceptions": () => ({
      params: id(fx.planned),
      body: {
        environment: "PROD",
        from: new Date(Date.now() + 3_600_000).toISOString(),
        to: new Date(Date.now() + 7_200_000).toISOString(),
        reason: "Fuzz incident",
      },
    }),
    "GET /api/exceptions": () => ({ query: { state: "REQUESTED" } }),
    "POST /api/exceptions/{id}/approve": () => ({
      params: { id: fx.exceptionToApprove },
      body: {},
    }),
    "POST /api/exceptions/{id}/refuse": () => ({ params: { id: fx.exceptionToRefuse }, body: {} }),
    "GET /api/health": () => ({}),
    "GET /api/ready": () => ({}),
    "GET /api/openapi.json": () => ({}),
  };
  const example = examples[`${operation.method} ${operation.path}`];
  if (!example) throw new Error(`No valid example of ${operation.method} ${operation.path}`);
  return example();
}

/** Who sends a call: the first role the operation allows (or the example's), by token or session. */
function headersFor(operation: Operation, as?: Role): Record<string, string> {
  const permission =
    operation.access === "public" || operation.access === "feed-token" ? null : operation.access;
  const roles = permission ? (PERMISSIONS[permission].roles as readonly string[]) : ROLE_ORDER;
  const caller = callers[as ?? ROLE_ORDER.find((role) => roles.includes(role))!];
  return permission && isSessionOnly(permission as Permission)
    ? { cookie: caller.cookie }
    : { authorization: `Bearer ${caller.token}` };
}

/** A valid request with some of its fields (none, sometimes) made hostile or left out. */
function mutatedExample(operation: Operation) {
  return fc
    .record({
      params: fc.dictionary(
        fc.constantFrom("id", "key", "stage", "position"),
        hostileText(realValues),
        {
          maxKeys: 1,
        },
      ),
      query: fc.dictionary(
        fc.constantFrom(...keysOf(operation.query), "zz"),
        hostileText(realValues),
        {
          maxKeys: 1,
        },
      ),
      body: fc.dictionary(
        fc.constantFrom(...keysOf(operation.body), "zz"),
        hostileValue(realValues),
        {
          maxKeys: 2,
        },
      ),
      dropped: fc.option(fc.constantFrom(...keysOf(operation.body), "none"), { nil: undefined }),
      keep: fc.boolean(),
    })
    .map(({ params, query, body, dropped, keep }) => {
      const example = exampleOf(operation);
      // Half the time the example goes as it is: the fuzzer's baseline gets through.
      if (keep) return example;
      const mutatedBody =
        example.body && operation.method !== "GET" && operation.method !== "DELETE"
          ? { ...example.body, ...body }
          : example.body;
      if (mutatedBody && dropped) delete mutatedBody[dropped];
      return {
        ...example,
        params: { ...example.params, ...params },
        query: { ...example.query, ...query },
        body: mutatedBody,
      };
    });
}

function moduleKey(path: string): string {
  return `/app${path.replace(/\{\.\.\.(\w+)\}/g, "[...$1]").replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
}

const fuzzed = OPERATIONS.filter((operation) => !operation.path.startsWith("/api/auth/"));

describe("NUL characters, which PostgreSQL text cannot hold", () => {
  it("are refused with a 400 in a query string and anywhere in a JSON body", async () => {
    const releases = await import("@/app/api/releases/route");
    const context = { params: Promise.resolve({}) };
    const headers = { authorization: `Bearer ${callers.RELEASE_MANAGER.token}` };
    const listed = await releases.GET(
      new Request("http://localhost/api/releases?q=a%00b", { headers }),
      context,
    );
    expect(listed.status).toBe(400);
    expect((await listed.json()).error.code).toBe("VALIDATION_FAILED");
    const created = await releases.POST(
      new Request("http://localhost/api/releases", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({
          name: "Bad\u0000name",
          version: "9.9.9",
          type: "RELEASE",
          goLive: "2027-06-15",
        }),
      }),
      context,
    );
    expect(created.status).toBe(400);
    expect(await db.prisma.release.count({ where: { version: "9.9.9" } })).toBe(0);
  });
});

describe("hostile input never gets a 5xx", () => {
  it("covers every operation of the API but next-auth's own", () => {
    for (const operation of fuzzed) expect(routeModules[moduleKey(operation.path)]).toBeDefined();
    expect(fuzzed.length).toBeGreaterThan(50);
  });

  it.each(fuzzed.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    "%s",
    async (name, operation) => {
      const routeModule = await routeModules[moduleKey(operation.path)]!();
      const handler = routeModule[operation.method] as (
        request: Request,
        context: { params: Promise<Record<string, string>> },
      ) => Promise<Response> | Response;
      const paramNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      const hostile = fc
        .tuple(
          fc.tuple(...paramNames.map(() => hostileText(realValues)), fc.constant(null)),
          hostileQuery(operation, realValues),
          hostileBody(operation, realValues),
        )
        .map(([values, query, body]) => ({
          params: Object.fromEntries(
            paramNames.map((key, index) => [key, values[index] as string]),
          ),
          query,
          body,
          as: undefined as Role | undefined,
        }));
      const fromExample = mutatedExample(operation).map((example) => ({
        params: Object.fromEntries(paramNames.map((key) => [key, example.params?.[key] ?? ""])),
        query: Object.keys(example.query ?? {}).length
          ? `?${new URLSearchParams(example.query).toString()}`
          : "",
        body: example.body === undefined ? undefined : JSON.stringify(example.body),
        as: example.as,
      }));
      const tally = { calls: 0, through: 0 };
      reached.set(name, tally);
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostile, fromExample), async ({ params, query, body, as }) => {
          const path = paramNames.reduce(
            (text, key) => text.replace(`{${key}}`, encode(params[key]!)),
            operation.path,
          );
          const request = new Request(`http://localhost${path}${query}`, {
            method: operation.method,
            headers: {
              ...headersFor(operation, as),
              ...(body !== undefined && { "content-type": "application/json" }),
            },
            body,
          });
          const response = await handler(request, { params: Promise.resolve(params) });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          tally.calls++;
          if (isThrough(response.status)) tally.through++;
          expect(response.status, `${operation.method} ${path}${query} ${body ?? ""}`).toBeLessThan(
            500,
          );
        }),
        { numRuns: RUNS, endOnFailure: true, ...(SEED !== undefined && { seed: SEED }) },
      );
      // The fuzzer got past the front door: some calls reached the use case and its rules.
      expect(tally.through, `${name}: no call reached the use case`).toBeGreaterThan(0);
    },
    120_000,
  );
});

/** A call that reached the use case: it succeeded, or a rule of the domain answered it. */
function isThrough(status: number): boolean {
  return (status >= 200 && status < 300) || status === 409 || status === 422;
}

// The OpenAPI description against the real answers: each call's JSON body must validate against the
// schema the description gives for its path, method and status (ajv, JSON Schema 2020-12).
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as deliveriesRoute from "@/app/api/deliveries/route";
import * as deploymentsRoute from "@/app/api/deployments/route";
import * as exceptionApproveRoute from "@/app/api/exceptions/[id]/approve/route";
import * as exceptionRefuseRoute from "@/app/api/exceptions/[id]/refuse/route";
import * as exceptionsRoute from "@/app/api/exceptions/route";
import * as gateRoute from "@/app/api/gate/route";
import * as healthRoute from "@/app/api/health/route";
import * as approvalsRoute from "@/app/api/me/approvals/route";
import * as feedRoute from "@/app/api/me/calendar-feed/route";
import * as delegationsRoute from "@/app/api/me/delegations/route";
import * as notificationsRoute from "@/app/api/me/notifications/route";
import * as sessionsRoute from "@/app/api/me/sessions/route";
import * as myTokensRoute from "@/app/api/me/tokens/route";
import * as watchProductRoute from "@/app/api/me/watches/products/[key]/route";
import * as watchesRoute from "@/app/api/me/watches/route";
import * as planRoute from "@/app/api/plan/route";
import * as planSearchRoute from "@/app/api/plan/search/route";
import * as approversRoute from "@/app/api/products/[key]/approvers/[stage]/route";
import * as gitopsRoute from "@/app/api/products/[key]/gitops/route";
import * as gitopsTestRoute from "@/app/api/products/[key]/gitops/test/route";
import * as productNotesRoute from "@/app/api/products/[key]/notes/route";
import * as productRoute from "@/app/api/products/[key]/route";
import * as signalMatchingRoute from "@/app/api/products/[key]/signal-matching/route";
import * as trainPlanRoute from "@/app/api/products/[key]/train/plan/route";
import * as trainPreviewRoute from "@/app/api/products/[key]/train/preview/route";
import * as trainRoute from "@/app/api/products/[key]/train/route";
import * as productsRoute from "@/app/api/products/route";
import * as retryRoute from "@/app/api/promotions/[id]/retry/route";
import * as readyRoute from "@/app/api/ready/route";
import * as regionsRoute from "@/app/api/regions/route";
import * as auditRoute from "@/app/api/releases/[id]/audit/route";
import * as cancelRoute from "@/app/api/releases/[id]/cancel/route";
import * as releaseDeploymentsRoute from "@/app/api/releases/[id]/deployments/route";
import * as releaseExceptionsRoute from "@/app/api/releases/[id]/exceptions/route";
import * as holdRoute from "@/app/api/releases/[id]/hold/route";
import * as notesPublishRoute from "@/app/api/releases/[id]/notes/publish/route";
import * as notesRoute from "@/app/api/releases/[id]/notes/route";
import * as outcomeRoute from "@/app/api/releases/[id]/outcome/route";
import * as promotionsRoute from "@/app/api/releases/[id]/promotions/route";
import * as resumeRoute from "@/app/api/releases/[id]/resume/route";
import * as rolloutRoute from "@/app/api/releases/[id]/rollout/route";
import * as stepDoneRoute from "@/app/api/releases/[id]/rollout/steps/[position]/done/route";
import * as releaseRoute from "@/app/api/releases/[id]/route";
import * as releaseSignalsRoute from "@/app/api/releases/[id]/signals/route";
import * as reopenRoute from "@/app/api/releases/[id]/stages/[key]/reopen/route";
import * as signoffRoute from "@/app/api/releases/[id]/stages/[key]/signoff/route";
import * as whatIfRoute from "@/app/api/releases/[id]/what-if/route";
import * as releasesRoute from "@/app/api/releases/route";
import * as alertmanagerRoute from "@/app/api/signals/alertmanager/route";
import * as signalsRoute from "@/app/api/signals/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as passwordResetRoute from "@/app/api/users/[id]/password-reset/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as usersRoute from "@/app/api/users/route";
import * as webhookDeliveriesRoute from "@/app/api/webhooks/[id]/deliveries/route";
import * as webhookTestRoute from "@/app/api/webhooks/[id]/test/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import * as windowRoute from "@/app/api/windows/[id]/route";
import * as windowsRoute from "@/app/api/windows/route";
import * as workingDaysRoute from "@/app/api/working-days/route";
import { OPERATIONS, openApiDocument } from "@/lib/http/openapi";
import { isSessionOnly, type Permission, PERMISSIONS } from "@/lib/permissions";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn, takeLive } from "../support/factories";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
const people = {} as Record<
  "rm" | "rm2" | "qa" | "qa2" | "admin",
  SessionUser & { token: string; cookie: string }
>;
const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(document as object, "openapi");

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = {
    rm: "RELEASE_MANAGER",
    rm2: "RELEASE_MANAGER",
    qa: "QA",
    qa2: "QA",
    admin: "ADMIN",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
      cookie: (await signedInCookie(user)).cookie,
    };
  }
});
afterAll(() => db.close());

/** Which operations the test has checked an answer of. */
const checked = new Set<string>();

/** The answer validates against the description of `method path` for its status. */
function expectDescribed(method: string, path: string, status: number, body: unknown): void {
  checked.add(`${method} ${path}`);
  const pointer = [
    "paths",
    path,
    method.toLowerCase(),
    "responses",
    String(status),
    "content",
    "application/json",
    "schema",
  ]
    .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
    .join("/");
  const validate = ajv.compile({ $ref: `openapi#/${pointer}` });
  const valid = validate(body);
  expect(validate.errors ?? [], `${method} ${path} ${status}`).toEqual([]);
  expect(valid).toBe(true);
}

async function call(
  handler: unknown,
  method: string,
  template: string,
  options: {
    as?: keyof typeof people;
    body?: unknown;
    params?: Record<string, string>;
    query?: string;
    status: number;
  },
) {
  const path = Object.entries(options.params ?? {}).reduce(
    (text, [name, value]) => text.replace(`{${name}}`, value),
    template,
  );
  // Account operations are for a browser session; the rest are called as a script would.
  const person = people[options.as ?? "rm"];
  const access = OPERATIONS.find((op) => op.method === method && op.path === template)?.access;
  const bySession =
    access !== undefined && access in PERMISSIONS && isSessionOnly(access as Permission);
  const answer = await callJson<Record<string, unknown>>(handler, {
    method,
    path: path + (options.query ?? ""),
    ...(bySession ? { cookie: person.cookie } : { token: person.token }),
    body: options.body,
    params: options.params,
  });
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(options.status);
  expectDescribed(method, template, options.status, answer.body);
  return answer.body;
}

describe("real answers match the OpenAPI description", () => {
  it("releases: create, list, read, sign off, hold, resume", async () => {
    const created = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: {
        name: "Contract",
        version: "contract:1.0.0",
        type: "RELEASE",
        goLive: await goLiveIn(60),
      },
      status: 201,
    });
    const id = String(created.id);
    await call(releasesRoute.GET, "GET", "/api/releases", { status: 200 });
    await call(releaseRoute.GET, "GET", "/api/releases/{id}", { params: { id }, status: 200 });
    await call(signoffRoute.POST, "POST", "/api/releases/{id}/stages/{key}/signoff", {
      as: "qa",
      params: { id, key: "DEV" },
      body: { decision: "APPROVE" },
      status: 200,
    });
    await call(holdRoute.POST, "POST", "/api/releases/{id}/hold", {
      params: { id },
      body: { reason: "Waiting for a vendor fix" },
      status: 200,
    });
    await call(resumeRoute.POST, "POST", "/api/releases/{id}/resume", {
      params: { id },
      status: 200,
    });
    await call(signoffRoute.POST, "POST", "/api/releases/{id}/stages/{key}/signoff", {
      as: "qa",
      params: { id, key: "TEST" },
      body: { decision: "REJECT", comment: "Fails on Safari" },
      status: 200,
    });
    await call(reopenRoute.POST, "POST", "/api/releases/{id}/stages/{key}/reopen", {
      params: { id, key: "TEST" },
      status: 200,
    });
    const current = await call(releaseRoute.GET, "GET", "/api/releases/{id}", {
      params: { id },
      status: 200,
    });
    await call(releaseRoute.PATCH, "PATCH", "/api/releases/{id}", {
      params: { id },
      body: { revision: current.revision, description: "Now with a description" },
      status: 200,
    });
    await call(cancelRoute.POST, "POST", "/api/releases/{id}/cancel", {
      params: { id },
      body: { reason: "Replaced by another release" },
      status: 200,
    });
  });

  it("deployments and outcomes", async () => {
    const created = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: {
        name: "Contract live",
        version: "contract:2.0.0",
        type: "RELEASE",
        goLive: await goLiveIn(60),
      },
      status: 201,
    });
    const id = String(created.id);
    await call(deploymentsRoute.POST, "POST", "/api/deployments", {
      as: "qa",
      body: {
        environment: "DEV",
        version: "contract:2.0.0",
        status: "SUCCEEDED",
        digest: `sha256:${"e".repeat(64)}`,
        source: "argocd",
        url: "https://argocd.example.com/applications/contract",
        deliveryId: "contract-1",
      },
      status: 201,
    });
    await call(releaseDeploymentsRoute.GET, "GET", "/api/releases/{id}/deployments", {
      params: { id },
      status: 200,
    });
    await call(rolloutRoute.PUT, "PUT", "/api/releases/{id}/rollout", {
      params: { id },
      body: { strategy: "CANARY", steps: [{ date: String(created.forecastGoLive), percent: 100 }] },
      status: 200,
    });
    await takeLive(id, { qa: people.qa, qa2: people.qa2, manager: people.rm2 });
    await call(stepDoneRoute.POST, "POST", "/api/releases/{id}/rollout/steps/{position}/done", {
      params: { id, position: "1" },
      status: 200,
    });
    await call(outcomeRoute.POST, "POST", "/api/releases/{id}/outcome", {
      as: "qa",
      params: { id },
      body: { outcome: "KEPT", comment: "Quiet in production." },
      status: 200,
    });
    await call(releaseRoute.GET, "GET", "/api/releases/{id}", { params: { id }, status: 200 });
  });

  it("products, webhooks, deliveries and email choices", async () => {
    const product = await call(productsRoute.POST, "POST", "/api/products", {
      body: { key: "contract-api", name: "Contract API", ownerIds: [people.rm.id] },
      status: 201,
    });
    const key = String(product.key);
    await call(productsRoute.GET, "GET", "/api/products", { status: 200 });
    await call(productRoute.GET, "GET", "/api/products/{key}", { params: { key }, status: 200 });
    await call(productRoute.PATCH, "PATCH", "/api/products/{key}", {
      params: { key },
      body: { description: "The contract's own product" },
      status: 200,
    });
    await call(approversRoute.PUT, "PUT", "/api/products/{key}/approvers/{stage}", {
      params: { key, stage: "TEST" },
      body: { userIds: [people.qa.id] },
      status: 200,
    });
    await call(trainRoute.PUT, "PUT", "/api/products/{key}/train", {
      params: { key },
      body: {
        rule: "FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
        firstGoLive: await goLiveIn(100),
        namePattern: "Contract {year}.{n}",
      },
      status: 200,
    });
    await call(trainRoute.GET, "GET", "/api/products/{key}/train", {
      params: { key },
      status: 200,
    });
    await call(trainPreviewRoute.POST, "POST", "/api/products/{key}/train/preview", {
      params: { key },
      body: { count: 2 },
      status: 200,
    });
    await call(trainPlanRoute.POST, "POST", "/api/products/{key}/train/plan", {
      params: { key },
      body: { count: 1 },
      status: 201,
    });

    const hook = await call(webhooksRoute.POST, "POST", "/api/webhooks", {
      as: "admin",
      body: {
        url: "https://93.184.215.14/hooks",
        events: ["release.live"],
        secret: "contract-secret-1234",
      },
      status: 201,
    });
    const id = String(hook.id);
    await call(webhooksRoute.GET, "GET", "/api/webhooks", { as: "admin", status: 200 });
    await call(webhookTestRoute.POST, "POST", "/api/webhooks/{id}/test", {
      as: "admin",
      params: { id },
      status: 202,
    });
    await call(webhookDeliveriesRoute.GET, "GET", "/api/webhooks/{id}/deliveries", {
      as: "admin",
      params: { id },
      status: 200,
    });
    await call(deliveriesRoute.GET, "GET", "/api/deliveries", { as: "admin", status: 200 });

    await call(notificationsRoute.GET, "GET", "/api/me/notifications", { as: "qa", status: 200 });
    await call(notificationsRoute.PUT, "PUT", "/api/me/notifications", {
      as: "qa",
      body: { email: { atRisk: false } },
      status: 200,
    });
  });

  it("account, delegations, audit, feed and health", async () => {
    await call(myTokensRoute.POST, "POST", "/api/me/tokens", {
      as: "qa",
      body: { name: "Contract CI", scope: "deploy" },
      status: 201,
    });
    await call(myTokensRoute.GET, "GET", "/api/me/tokens", { as: "qa", status: 200 });
    await call(delegationsRoute.POST, "POST", "/api/me/delegations", {
      as: "qa",
      body: { deputyId: people.qa2.id, from: await goLiveIn(10), to: await goLiveIn(20) },
      status: 201,
    });
    await call(delegationsRoute.GET, "GET", "/api/me/delegations", { as: "qa", status: 200 });
    const [release] = await db.prisma.release.findMany({ take: 1, select: { id: true } });
    await call(auditRoute.GET, "GET", "/api/releases/{id}/audit", {
      params: { id: release!.id },
      status: 200,
    });
    await call(feedRoute.GET, "GET", "/api/me/calendar-feed", { status: 200 });
    await call(sessionsRoute.GET, "GET", "/api/me/sessions", { status: 200 });
    const health = healthRoute.GET();
    expectDescribed("GET", "/api/health", 200, await health.json());
    const ready = await readyRoute.GET();
    expect(ready.status).toBe(200);
    expectDescribed("GET", "/api/ready", 200, await ready.json());
  });

  it("planning, what-if, approvals, users and tokens", async () => {
    const goLive = await goLiveIn(80);
    await call(planRoute.POST, "POST", "/api/plan", { body: { goLive }, status: 200 });
    await call(planSearchRoute.POST, "POST", "/api/plan/search", {
      body: { goLive, count: 2 },
      status: 200,
    });
    await call(regionsRoute.GET, "GET", "/api/regions", { status: 200 });
    await call(workingDaysRoute.GET, "GET", "/api/working-days", {
      query: "?from=2027-12-20&to=2028-01-10",
      status: 200,
    });
    const created = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: { name: "Contract what-if", version: "contract:3.0.0", type: "RELEASE", goLive },
      status: 201,
    });
    await call(whatIfRoute.POST, "POST", "/api/releases/{id}/what-if", {
      params: { id: String(created.id) },
      body: { goLive: await goLiveIn(95) },
      status: 200,
    });
    await call(approvalsRoute.GET, "GET", "/api/me/approvals", { as: "qa", status: 200 });
    await call(usersRoute.GET, "GET", "/api/users", { as: "admin", status: 200 });
    await call(usersRoute.GET, "GET", "/api/users", { as: "qa", status: 200 });
    const user = await call(usersRoute.POST, "POST", "/api/users", {
      as: "admin",
      body: { email: "contract.person@test.local", name: "Contract Person", role: "QA" },
      status: 201,
    });
    const id = String(user.id);
    await call(userRoute.GET, "GET", "/api/users/{id}", {
      as: "admin",
      params: { id },
      status: 200,
    });
    await call(userRoute.PATCH, "PATCH", "/api/users/{id}", {
      as: "admin",
      params: { id },
      body: { role: "VIEWER" },
      status: 200,
    });
    await call(passwordResetRoute.POST, "POST", "/api/users/{id}/password-reset", {
      as: "admin",
      params: { id },
      status: 200,
    });
    await call(tokensRoute.GET, "GET", "/api/tokens", { as: "admin", status: 200 });
  });

  it("deployment windows, the gate and exceptions", async () => {
    const window = await call(windowsRoute.POST, "POST", "/api/windows", {
      as: "admin",
      body: {
        name: "Contract weekend",
        kind: "DENY",
        environments: ["PROD"],
        rule: "FREQ=WEEKLY;BYDAY=FR",
        startTime: "14:00",
        durationMinutes: 3960,
      },
      status: 201,
    });
    const windowId = String(window.id);
    await call(windowsRoute.GET, "GET", "/api/windows", { status: 200 });
    await call(windowRoute.PATCH, "PATCH", "/api/windows/{id}", {
      as: "admin",
      params: { id: windowId },
      body: { durationMinutes: 3900 },
      status: 200,
    });
    const release = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: {
        name: "Contract gate",
        version: "contract:gate",
        type: "RELEASE",
        goLive: await goLiveIn(70),
      },
      status: 201,
    });
    const id = String(release.id);
    await call(gateRoute.GET, "GET", "/api/gate", {
      query: "?environment=PROD&version=contract:gate",
      status: 200,
    });
    const exception = await call(
      releaseExceptionsRoute.POST,
      "POST",
      "/api/releases/{id}/exceptions",
      {
        params: { id },
        body: {
          environment: "PROD",
          from: new Date(Date.now() + 3_600_000).toISOString(),
          to: new Date(Date.now() + 7_200_000).toISOString(),
          reason: "Contract incident",
        },
        status: 201,
      },
    );
    await call(exceptionApproveRoute.POST, "POST", "/api/exceptions/{id}/approve", {
      as: "rm2",
      params: { id: String(exception.id) },
      status: 200,
    });
    const other = await call(releaseExceptionsRoute.POST, "POST", "/api/releases/{id}/exceptions", {
      params: { id },
      body: {
        environment: "INT",
        from: new Date(Date.now() + 3_600_000).toISOString(),
        to: new Date(Date.now() + 7_200_000).toISOString(),
        reason: "Contract refusal",
      },
      status: 201,
    });
    await call(exceptionRefuseRoute.POST, "POST", "/api/exceptions/{id}/refuse", {
      as: "admin",
      params: { id: String(other.id) },
      body: { comment: "No." },
      status: 200,
    });
    await call(exceptionsRoute.GET, "GET", "/api/exceptions", { status: 200 });
    await call(releaseExceptionsRoute.GET, "GET", "/api/releases/{id}/exceptions", {
      params: { id },
      status: 200,
    });
  });

  it("GitOps targets and promotions", async () => {
    const key = "contract-gitops";
    await db.prisma.product.create({
      data: { key, name: "Contract GitOps", owners: { create: [{ userId: people.rm.id }] } },
    });
    await call(gitopsRoute.PUT, "PUT", "/api/products/{key}/gitops", {
      params: { key },
      body: {
        repository: "https://93.184.215.14/acme/deploy.git",
        branch: "main",
        token: "contract-token",
        author: { name: "Release Calendar", email: "calendar@example.com" },
        environments: {
          DEV: { file: "envs/dev/values.yaml", set: [{ key: "image.tag", value: "TAG" }] },
        },
      },
      status: 200,
    });
    await call(gitopsRoute.GET, "GET", "/api/products/{key}/gitops", {
      params: { key },
      status: 200,
    });
    // On loopback, which the test refuses at once: the answer says why, without a connection.
    await db.prisma.gitopsTarget.updateMany({
      data: { repository: "https://127.0.0.1:9/acme/deploy.git" },
    });
    await call(gitopsTestRoute.POST, "POST", "/api/products/{key}/gitops/test", {
      params: { key },
      status: 200,
    });
    const release = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: {
        name: "Contract promotion",
        version: "contract:promotion",
        type: "RELEASE",
        goLive: await goLiveIn(75),
        product: key,
      },
      status: 201,
    });
    const id = String(release.id);
    const promotion = await call(promotionsRoute.POST, "POST", "/api/releases/{id}/promotions", {
      params: { id },
      body: { environment: "DEV" },
      status: 201,
    });
    await call(promotionsRoute.GET, "GET", "/api/releases/{id}/promotions", {
      params: { id },
      status: 200,
    });
    await db.prisma.promotion.update({
      where: { id: String(promotion.id) },
      data: { state: "FAILED", error: "contract" },
    });
    await call(retryRoute.POST, "POST", "/api/promotions/{id}/retry", {
      params: { id: String(promotion.id) },
      status: 200,
    });
  });

  it("release notes and watches", async () => {
    const key = "contract-notes";
    await db.prisma.product.create({ data: { key, name: `Notes ${key}` } });
    const release = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: {
        name: "Contract notes",
        version: "contract:notes",
        type: "RELEASE",
        goLive: await goLiveIn(70),
        product: key,
      },
      status: 201,
    });
    const id = String(release.id);
    await call(notesRoute.GET, "GET", "/api/releases/{id}/notes", { params: { id }, status: 200 });
    await call(notesRoute.PUT, "PUT", "/api/releases/{id}/notes", {
      params: { id },
      body: { commits: [{ sha: "abc1234", message: "feat: notes", url: "https://git.example/c" }] },
      status: 200,
    });
    await call(notesPublishRoute.POST, "POST", "/api/releases/{id}/notes/publish", {
      params: { id },
      status: 200,
    });
    await call(productNotesRoute.GET, "GET", "/api/products/{key}/notes", {
      params: { key },
      status: 200,
    });
    const watched = await callJson(watchProductRoute.PUT, {
      method: "PUT",
      path: `/api/me/watches/products/${key}`,
      token: people.rm.token,
      params: { key },
    });
    expect(watched.status).toBe(204);
    await call(watchesRoute.GET, "GET", "/api/me/watches", { status: 200 });
  });

  it("signals", async () => {
    await db.prisma.product.create({ data: { key: "contract-signals", name: "Contract signals" } });
    const release = await call(releasesRoute.POST, "POST", "/api/releases", {
      body: {
        name: "Contract signals",
        version: "contract:signals",
        type: "RELEASE",
        goLive: await goLiveIn(65),
        product: "contract-signals",
      },
      status: 201,
    });
    await call(alertmanagerRoute.POST, "POST", "/api/signals/alertmanager", {
      body: {
        version: "4",
        status: "firing",
        alerts: [
          {
            status: "firing",
            labels: { alertname: "Contract", product: "contract-signals", env: "prod" },
            startsAt: new Date().toISOString(),
            fingerprint: "contract-1",
          },
        ],
      },
      status: 200,
    });
    await call(signalsRoute.POST, "POST", "/api/signals", {
      body: {
        product: "contract-signals",
        environment: "PROD",
        severity: "critical",
        summary: "Contract signal",
        startsAt: new Date().toISOString(),
      },
      status: 201,
    });
    await call(signalsRoute.GET, "GET", "/api/signals", { as: "admin", status: 200 });
    await call(releaseSignalsRoute.GET, "GET", "/api/releases/{id}/signals", {
      params: { id: String(release.id) },
      status: 200,
    });
    await call(signalMatchingRoute.PUT, "PUT", "/api/products/{key}/signal-matching", {
      as: "admin",
      params: { key: "contract-signals" },
      body: {
        productLabels: ["product"],
        environmentLabels: ["env"],
        environmentValues: { prod: "PROD" },
        severities: ["critical"],
      },
      status: 200,
    });
    await call(signalMatchingRoute.GET, "GET", "/api/products/{key}/signal-matching", {
      as: "admin",
      params: { key: "contract-signals" },
      status: 200,
    });
  });

  it("checked an answer of every operation that answers JSON", () => {
    const json = OPERATIONS.filter(
      (operation) =>
        operation.success.status !== 204 &&
        !operation.success.contentType &&
        operation.path !== "/api/openapi.json",
    ).map((operation) => `${operation.method} ${operation.path}`);
    expect(json.filter((operation) => !checked.has(operation))).toEqual([]);
  });

  it("a field the description does not know fails the check", () => {
    expect(() =>
      expectDescribed("POST", "/api/deployments", 201, { id: "x", unknown: true }),
    ).toThrow();
  });
});

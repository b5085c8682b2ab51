// Every role against every route: who gets through (2xx) and who gets 403. Each call runs on a
// release in the state the route needs, created fresh for it. (401 for no session is covered by the
// end-to-end tests, which run inside Next.)
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as deliveriesRoute from "@/app/api/deliveries/route";
import * as deploymentsRoute from "@/app/api/deployments/route";
import * as exceptionApproveRoute from "@/app/api/exceptions/[id]/approve/route";
import * as exceptionRefuseRoute from "@/app/api/exceptions/[id]/refuse/route";
import * as exceptionsRoute from "@/app/api/exceptions/route";
import * as gateRoute from "@/app/api/gate/route";
import * as approvalsRoute from "@/app/api/me/approvals/route";
import * as calendarFeedRoute from "@/app/api/me/calendar-feed/route";
import * as myDelegationRoute from "@/app/api/me/delegations/[id]/route";
import * as myDelegationsRoute from "@/app/api/me/delegations/route";
import * as notificationsRoute from "@/app/api/me/notifications/route";
import * as passwordRoute from "@/app/api/me/password/route";
import * as sessionRoute from "@/app/api/me/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/me/sessions/route";
import * as myTokenRoute from "@/app/api/me/tokens/[id]/route";
import * as myTokensRoute from "@/app/api/me/tokens/route";
import * as watchProductRoute from "@/app/api/me/watches/products/[key]/route";
import * as watchReleaseRoute from "@/app/api/me/watches/releases/[id]/route";
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
import * as releasesCsvRoute from "@/app/api/reports/releases.csv/route";
import * as alertmanagerRoute from "@/app/api/signals/alertmanager/route";
import * as signalsRoute from "@/app/api/signals/route";
import * as tokenRoute from "@/app/api/tokens/[id]/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as passwordResetRoute from "@/app/api/users/[id]/password-reset/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as usersRoute from "@/app/api/users/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import * as windowRoute from "@/app/api/windows/[id]/route";
import * as windowExportRoute from "@/app/api/windows/export/route";
import * as windowsRoute from "@/app/api/windows/route";
import * as workingDaysRoute from "@/app/api/working-days/route";
import type { Role } from "@/lib/domain/stages";
import { createRelease } from "@/lib/server/releases/create-release";
import { holdRelease, signOffStage } from "@/lib/server/releases/stage-actions";
import { hashApiToken } from "@/lib/server/users/api-tokens";
import { hashPassword } from "@/lib/server/users/passwords";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { createUser, goLiveIn, newRelease, takeLive } from "../support/factories";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const ROLES: Role[] = ["ADMIN", "RELEASE_MANAGER", "QA", "VIEWER"];
let db: TestDatabase;
const users = {} as Record<Role, SessionUser & { token: string; cookie: string }>;
let owner: SessionUser;
const passphrases: Partial<Record<Role, string>> = {};
let qa: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  for (const role of ROLES) {
    const user = await createUser(db.prisma, role);
    users[role] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
      cookie: (await signedInCookie(user)).cookie,
    };
  }
  owner = await createUser(db.prisma, "RELEASE_MANAGER", "Owner");
  qa = await createUser(db.prisma, "QA", "Tester");
});
afterAll(() => db.close());

type Handler = (request: Request, context: never) => Promise<Response>;
type Call = {
  method: string;
  path: string;
  handler: Handler;
  body?: unknown;
  params?: Record<string, string>;
};

/** Sends the call as the role's person: with their API token, or from their browser session. */
async function send(role: Role, call: Call, via: "token" | "session" = "token") {
  const headers: Record<string, string> =
    via === "token"
      ? { authorization: `Bearer ${users[role].token}` }
      : { cookie: users[role].cookie };
  if (call.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${call.path}`, {
    method: call.method,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const response = await call.handler(request, {
    params: Promise.resolve(call.params ?? {}),
  } as never);
  const body = (await response.json().catch(() => null)) as { error?: { code: string } } | null;
  return { status: response.status, code: body?.error?.code };
}

/**
 * Each route: how to set it up for one call, and which roles get through. Account routes are for a
 * person at a browser (`session`): every API token gets 403 SESSION_REQUIRED there.
 */
const ROUTES: {
  name: string;
  allowed: Role[];
  session?: true;
  setup: (role: Role) => Promise<Call>;
}[] = [
  {
    name: "GET /api/releases",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/releases", handler: releasesRoute.GET }),
  },
  {
    name: "GET /api/reports/releases.csv",
    allowed: ROLES,
    setup: async () => ({
      method: "GET",
      path: "/api/reports/releases.csv",
      handler: releasesCsvRoute.GET as Handler,
    }),
  },
  {
    name: "POST /api/releases",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => ({
      method: "POST",
      path: "/api/releases",
      handler: releasesRoute.POST,
      body: { name: "New", version: "1.2.3", type: "RELEASE", goLive: await goLiveIn(60) },
    }),
  },
  {
    name: "GET /api/releases/{id}",
    allowed: ROLES,
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${id}`,
        handler: releaseRoute.GET as Handler,
        params: { id },
      };
    },
  },
  {
    name: "PATCH /api/releases/{id}",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "PATCH",
        path: `/api/releases/${id}`,
        handler: releaseRoute.PATCH as Handler,
        params: { id },
        body: { revision: 1, description: "Edited" },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/stages/DEV/signoff",
    allowed: ["RELEASE_MANAGER", "QA"],
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "POST",
        path: `/api/releases/${id}/stages/DEV/signoff`,
        handler: signoffRoute.POST as Handler,
        params: { id, key: "DEV" },
        body: { decision: "APPROVE" },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/stages/TEST/signoff",
    allowed: ["QA"],
    setup: async () => {
      const { id } = await newRelease(owner);
      await signOffStage({ id, key: "DEV", decision: "APPROVE", actor: qa });
      return {
        method: "POST",
        path: `/api/releases/${id}/stages/TEST/signoff`,
        handler: signoffRoute.POST as Handler,
        params: { id, key: "TEST" },
        body: { decision: "REJECT", comment: "Broken" },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/stages/DEV/reopen",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const { id } = await newRelease(owner);
      await signOffStage({
        id,
        key: "DEV",
        decision: "REJECT",
        comment: "Does not start",
        actor: qa,
      });
      return {
        method: "POST",
        path: `/api/releases/${id}/stages/DEV/reopen`,
        handler: reopenRoute.POST as Handler,
        params: { id, key: "DEV" },
        body: {},
      };
    },
  },
  {
    name: "GET /api/releases/{id}/audit",
    allowed: ROLES,
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${id}/audit`,
        handler: auditRoute.GET as Handler,
        params: { id },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/what-if",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const { id, forecastGoLive } = await newRelease(owner);
      return {
        method: "POST",
        path: `/api/releases/${id}/what-if`,
        handler: whatIfRoute.POST as Handler,
        params: { id },
        body: { goLive: forecastGoLive },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/hold",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "POST",
        path: `/api/releases/${id}/hold`,
        handler: holdRoute.POST as Handler,
        params: { id },
        body: { reason: "Waiting" },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/resume",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const { id } = await newRelease(owner);
      await holdRelease({ id, actor: owner, reason: "Waiting" });
      return {
        method: "POST",
        path: `/api/releases/${id}/resume`,
        handler: resumeRoute.POST as Handler,
        params: { id },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/cancel",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "POST",
        path: `/api/releases/${id}/cancel`,
        handler: cancelRoute.POST as Handler,
        params: { id },
        body: { reason: "Superseded" },
      };
    },
  },
  {
    name: "GET /api/me/calendar-feed",
    allowed: ROLES,
    session: true,
    setup: async () => ({
      method: "GET",
      path: "/api/me/calendar-feed",
      handler: calendarFeedRoute.GET,
    }),
  },
  {
    name: "DELETE /api/me/calendar-feed",
    allowed: ROLES,
    session: true,
    setup: async () => ({
      method: "DELETE",
      path: "/api/me/calendar-feed",
      handler: calendarFeedRoute.DELETE,
    }),
  },
  {
    name: "GET /api/me/approvals",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/me/approvals", handler: approvalsRoute.GET }),
  },
  {
    name: "POST /api/plan",
    allowed: ROLES,
    setup: async () => ({
      method: "POST",
      path: "/api/plan",
      handler: planRoute.POST,
      body: { goLive: await goLiveIn(60) },
    }),
  },
  {
    name: "POST /api/plan/search",
    allowed: ROLES,
    setup: async () => ({
      method: "POST",
      path: "/api/plan/search",
      handler: planSearchRoute.POST,
      body: { goLive: await goLiveIn(60), count: 1 },
    }),
  },
  {
    name: "GET /api/regions",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/regions", handler: regionsRoute.GET }),
  },
  {
    name: "GET /api/working-days",
    allowed: ROLES,
    setup: async () => ({
      method: "GET",
      path: "/api/working-days?from=2027-01-01&to=2027-01-31",
      handler: workingDaysRoute.GET,
    }),
  },
  {
    name: "GET /api/users",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/users", handler: usersRoute.GET }),
  },
  {
    name: "POST /api/users",
    allowed: ["ADMIN"],
    setup: async () => ({
      method: "POST",
      path: "/api/users",
      handler: usersRoute.POST,
      body: { email: `new-${randomUUID()}@example.com`, name: "New Person", role: "QA" },
    }),
  },
  {
    name: "GET /api/users/{id}",
    allowed: ["ADMIN"],
    setup: async () => ({
      method: "GET",
      path: `/api/users/${qa.id}`,
      handler: userRoute.GET as Handler,
      params: { id: qa.id },
    }),
  },
  {
    name: "PATCH /api/users/{id}",
    allowed: ["ADMIN"],
    setup: async () => {
      const person = await createUser(db.prisma, "VIEWER", "Renamed");
      return {
        method: "PATCH",
        path: `/api/users/${person.id}`,
        handler: userRoute.PATCH as Handler,
        params: { id: person.id },
        body: { name: "Renamed Again" },
      };
    },
  },
  {
    name: "POST /api/users/{id}/password-reset",
    allowed: ["ADMIN"],
    setup: async () => {
      const person = await createUser(db.prisma, "VIEWER", "Forgetful");
      return {
        method: "POST",
        path: `/api/users/${person.id}/password-reset`,
        handler: passwordResetRoute.POST as Handler,
        params: { id: person.id },
      };
    },
  },
  {
    name: "GET /api/me/tokens",
    allowed: ROLES,
    session: true,
    setup: async () => ({ method: "GET", path: "/api/me/tokens", handler: myTokensRoute.GET }),
  },
  {
    name: "POST /api/me/tokens",
    allowed: ROLES,
    session: true,
    setup: async () => ({
      method: "POST",
      path: "/api/me/tokens",
      handler: myTokensRoute.POST,
      body: { name: "Script", scope: "read" },
    }),
  },
  {
    name: "GET /api/tokens",
    allowed: ["ADMIN"],
    setup: async () => ({ method: "GET", path: "/api/tokens", handler: tokensRoute.GET }),
  },
  {
    name: "DELETE /api/tokens/{id}",
    allowed: ["ADMIN"],
    setup: async () => {
      const token = await issueTestToken(db.prisma, qa.email);
      const { id } = await db.prisma.apiToken.findUniqueOrThrow({
        where: { tokenHash: hashApiToken(token) },
      });
      return {
        method: "DELETE",
        path: `/api/tokens/${id}`,
        handler: tokenRoute.DELETE as Handler,
        params: { id },
      };
    },
  },
  {
    name: "DELETE /api/me/tokens/{id}",
    allowed: ROLES,
    session: true,
    // Each role revokes a token of its own (the route answers 404 for anyone else's).
    setup: async (role) => {
      const token = await issueTestToken(db.prisma, users[role].email, "read");
      const { id } = await db.prisma.apiToken.findUniqueOrThrow({
        where: { tokenHash: hashApiToken(token) },
      });
      return {
        method: "DELETE",
        path: `/api/me/tokens/${id}`,
        handler: myTokenRoute.DELETE as Handler,
        params: { id },
      };
    },
  },
  {
    name: "GET /api/me/sessions",
    allowed: ROLES,
    session: true,
    setup: async () => ({ method: "GET", path: "/api/me/sessions", handler: sessionsRoute.GET }),
  },
  {
    name: "DELETE /api/me/sessions/{id}",
    allowed: ROLES,
    session: true,
    // Each role signs out another session of its own.
    setup: async (role) => {
      const { sessionId } = await signedInCookie(users[role]);
      return {
        method: "DELETE",
        path: `/api/me/sessions/${sessionId}`,
        handler: sessionRoute.DELETE as Handler,
        params: { id: sessionId },
      };
    },
  },
  {
    name: "POST /api/me/password",
    allowed: ROLES,
    session: true,
    // Back and forth between two passphrases: each call knows the current one.
    setup: async (role) => {
      const current = passphrases[role] ?? "the first passphrase";
      const next =
        current === "the first passphrase" ? "the second passphrase" : "the first passphrase";
      await db.prisma.user.update({
        where: { id: users[role].id },
        data: { passwordHash: await hashPassword(current) },
      });
      passphrases[role] = next;
      return {
        method: "POST",
        path: "/api/me/password",
        handler: passwordRoute.POST,
        body: { currentPassword: current, newPassword: next },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/outcome",
    allowed: ["RELEASE_MANAGER", "QA"],
    setup: async () => {
      const release = await newRelease(owner);
      const qa2 = await createUser(db.prisma, "QA");
      const manager = await createUser(db.prisma, "RELEASE_MANAGER");
      await takeLive(release.id, { qa, qa2, manager });
      return {
        method: "POST",
        path: `/api/releases/${release.id}/outcome`,
        handler: outcomeRoute.POST as Handler,
        body: { outcome: "KEPT", comment: "Quiet in production." },
        params: { id: release.id },
      };
    },
  },
  {
    name: "GET /api/webhooks",
    allowed: ["ADMIN"],
    setup: async () => ({ method: "GET", path: "/api/webhooks", handler: webhooksRoute.GET }),
  },
  {
    name: "POST /api/webhooks",
    allowed: ["ADMIN"],
    setup: async () => ({
      method: "POST",
      path: "/api/webhooks",
      handler: webhooksRoute.POST,
      body: {
        url: "https://93.184.215.14/hooks",
        events: ["release.live"],
        secret: "sixteen-chars-min!",
      },
    }),
  },
  {
    name: "GET /api/deliveries",
    allowed: ["ADMIN"],
    setup: async () => ({ method: "GET", path: "/api/deliveries", handler: deliveriesRoute.GET }),
  },
  {
    name: "GET /api/me/notifications",
    allowed: ROLES,
    session: true,
    setup: async () => ({
      method: "GET",
      path: "/api/me/notifications",
      handler: notificationsRoute.GET,
    }),
  },
  {
    name: "PUT /api/me/notifications",
    allowed: ROLES,
    session: true,
    setup: async () => ({
      method: "PUT",
      path: "/api/me/notifications",
      handler: notificationsRoute.PUT,
      body: { email: { atRisk: false } },
    }),
  },
  {
    name: "POST /api/deployments",
    allowed: ["ADMIN", "RELEASE_MANAGER", "QA"],
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "POST",
        path: "/api/deployments",
        handler: deploymentsRoute.POST as Handler,
        body: { environment: "DEV", version: release.version, status: "SUCCEEDED" },
      };
    },
  },
  {
    name: "GET /api/releases/{id}/deployments",
    allowed: ROLES,
    setup: async () => {
      const { id } = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${id}/deployments`,
        handler: releaseDeploymentsRoute.GET as Handler,
        params: { id },
      };
    },
  },
  {
    name: "PUT /api/releases/{id}/rollout",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "PUT",
        path: `/api/releases/${release.id}/rollout`,
        handler: rolloutRoute.PUT as Handler,
        body: {
          strategy: "CANARY",
          steps: [{ date: release.forecastGoLive, percent: 100 }],
        },
        params: { id: release.id },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/rollout/steps/{n}/done",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const release = await newRelease(owner);
      const { planRollout } = await import("@/lib/server/releases/rollout");
      await planRollout(owner, release.id, {
        strategy: "CANARY",
        steps: [{ date: release.forecastGoLive, percent: 100 }],
        flags: [],
      });
      const qa2 = await createUser(db.prisma, "QA");
      const manager = await createUser(db.prisma, "RELEASE_MANAGER");
      await takeLive(release.id, { qa, qa2, manager });
      return {
        method: "POST",
        path: `/api/releases/${release.id}/rollout/steps/1/done`,
        handler: stepDoneRoute.POST as Handler,
        params: { id: release.id, position: "1" },
      };
    },
  },
  {
    name: "GET /api/products",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/products", handler: productsRoute.GET }),
  },
  {
    name: "POST /api/products",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = `p-${randomUUID().slice(0, 8)}`;
      return {
        method: "POST",
        path: "/api/products",
        handler: productsRoute.POST,
        body: { key, name: `Product ${key}` },
      };
    },
  },
  {
    // The release manager of the matrix owns the product; other release managers get 403.
    name: "PATCH /api/products/{key}",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await newProduct([users.RELEASE_MANAGER.id]);
      return {
        method: "PATCH",
        path: `/api/products/${key}`,
        handler: productRoute.PATCH as Handler,
        body: { description: "Changed" },
        params: { key },
      };
    },
  },
  {
    // The release manager of the matrix owns the product; other release managers get 403 too.
    name: "PUT /api/products/{key}/approvers/{STAGE}",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await newProduct([users.RELEASE_MANAGER.id]);
      return {
        method: "PUT",
        path: `/api/products/${key}/approvers/TEST`,
        handler: approversRoute.PUT as Handler,
        body: { userIds: [qa.id] },
        params: { key, stage: "TEST" },
      };
    },
  },
  {
    name: "GET /api/products/{key}/train",
    allowed: ROLES,
    setup: async () => {
      const key = await productWithTrain();
      return {
        method: "GET",
        path: `/api/products/${key}/train`,
        handler: trainRoute.GET as Handler,
        params: { key },
      };
    },
  },
  {
    // The release manager of the matrix owns the product; other release managers get 403.
    name: "PUT /api/products/{key}/train",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await newProduct([users.RELEASE_MANAGER.id]);
      return {
        method: "PUT",
        path: `/api/products/${key}/train`,
        handler: trainRoute.PUT as Handler,
        body: {
          rule: "FREQ=MONTHLY;BYDAY=2TU",
          firstGoLive: await goLiveIn(90),
          namePattern: "Train {n}",
        },
        params: { key },
      };
    },
  },
  {
    name: "DELETE /api/products/{key}/train",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithTrain();
      return {
        method: "DELETE",
        path: `/api/products/${key}/train`,
        handler: trainRoute.DELETE as Handler,
        params: { key },
      };
    },
  },
  {
    name: "POST /api/products/{key}/train/preview",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithTrain();
      return {
        method: "POST",
        path: `/api/products/${key}/train/preview`,
        handler: trainPreviewRoute.POST as Handler,
        body: { count: 2 },
        params: { key },
      };
    },
  },
  {
    name: "POST /api/products/{key}/train/plan",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithTrain();
      return {
        method: "POST",
        path: `/api/products/${key}/train/plan`,
        handler: trainPlanRoute.POST as Handler,
        body: { count: 1 },
        params: { key },
      };
    },
  },
  {
    // The release manager of the matrix owns the product; other release managers get 403.
    name: "GET /api/products/{key}/gitops",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithGitops();
      return {
        method: "GET",
        path: `/api/products/${key}/gitops`,
        handler: gitopsRoute.GET as Handler,
        params: { key },
      };
    },
  },
  {
    name: "PUT /api/products/{key}/gitops",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await newProduct([users.RELEASE_MANAGER.id]);
      return {
        method: "PUT",
        path: `/api/products/${key}/gitops`,
        handler: gitopsRoute.PUT as Handler,
        body: GITOPS,
        params: { key },
      };
    },
  },
  {
    name: "DELETE /api/products/{key}/gitops",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithGitops();
      return {
        method: "DELETE",
        path: `/api/products/${key}/gitops`,
        handler: gitopsRoute.DELETE as Handler,
        params: { key },
      };
    },
  },
  {
    // Answers 200 with ok false: the repository is not reachable from the test.
    name: "POST /api/products/{key}/gitops/test",
    allowed: ["ADMIN", "RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithGitops();
      return {
        method: "POST",
        path: `/api/products/${key}/gitops/test`,
        handler: gitopsTestRoute.POST as Handler,
        params: { key },
      };
    },
  },
  {
    name: "GET /api/releases/{id}/promotions",
    allowed: ROLES,
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${release.id}/promotions`,
        handler: promotionsRoute.GET as Handler,
        params: { id: release.id },
      };
    },
  },
  {
    // DEV opens with the release: a promotion to DEV needs no sign-off.
    name: "POST /api/releases/{id}/promotions",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const key = await productWithGitops();
      const release = await createRelease(owner, {
        type: "RELEASE",
        name: `Promoted ${randomUUID().slice(0, 8)}`,
        version: `promoted:${randomUUID().slice(0, 8)}`,
        goLive: await goLiveIn(60),
        product: key,
      });
      return {
        method: "POST",
        path: `/api/releases/${release.id}/promotions`,
        handler: promotionsRoute.POST as Handler,
        body: { environment: "DEV" },
        params: { id: release.id },
      };
    },
  },
  {
    name: "POST /api/promotions/{id}/retry",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const release = await newRelease(owner);
      const { id } = await db.prisma.promotion.create({
        data: { releaseId: release.id, environment: "TEST", state: "FAILED", error: "matrix" },
      });
      return {
        method: "POST",
        path: `/api/promotions/${id}/retry`,
        handler: retryRoute.POST as Handler,
        params: { id },
      };
    },
  },
  {
    name: "GET /api/releases/{id}/notes",
    allowed: ROLES,
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${release.id}/notes`,
        handler: notesRoute.GET as Handler,
        params: { id: release.id },
      };
    },
  },
  {
    name: "PUT /api/releases/{id}/notes",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "PUT",
        path: `/api/releases/${release.id}/notes`,
        handler: notesRoute.PUT as Handler,
        body: { commits: [{ sha: "abc1234", message: "feat: matrix" }] },
        params: { id: release.id },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/notes/publish",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const release = await newRelease(owner);
      await db.prisma.releaseNotes.create({
        data: { releaseId: release.id, markdown: "Matrix notes", updatedById: owner.id },
      });
      return {
        method: "POST",
        path: `/api/releases/${release.id}/notes/publish`,
        handler: notesPublishRoute.POST as Handler,
        params: { id: release.id },
      };
    },
  },
  {
    name: "GET /api/products/{key}/notes",
    allowed: ROLES,
    setup: async () => {
      const key = await newProduct();
      return {
        method: "GET",
        path: `/api/products/${key}/notes`,
        handler: productNotesRoute.GET as Handler,
        params: { key },
      };
    },
  },
  {
    name: "GET /api/me/watches",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/me/watches", handler: watchesRoute.GET }),
  },
  ...(["PUT", "DELETE"] as const).flatMap((method) => [
    {
      name: `${method} /api/me/watches/products/{key}`,
      allowed: ROLES,
      setup: async () => {
        const key = await newProduct();
        return {
          method,
          path: `/api/me/watches/products/${key}`,
          handler: watchProductRoute[method] as Handler,
          params: { key },
        };
      },
    },
    {
      name: `${method} /api/me/watches/releases/{id}`,
      allowed: ROLES,
      setup: async () => {
        const release = await newRelease(owner);
        return {
          method,
          path: `/api/me/watches/releases/${release.id}`,
          handler: watchReleaseRoute[method] as Handler,
          params: { id: release.id },
        };
      },
    },
  ]),
  {
    name: "POST /api/signals/alertmanager",
    allowed: ["ADMIN", "RELEASE_MANAGER", "QA"],
    setup: async () => ({
      method: "POST",
      path: "/api/signals/alertmanager",
      handler: alertmanagerRoute.POST,
      body: {
        version: "4",
        status: "firing",
        alerts: [
          {
            status: "firing",
            labels: { alertname: "Matrix", product: "nobody" },
            startsAt: new Date().toISOString(),
            fingerprint: randomUUID(),
          },
        ],
      },
    }),
  },
  {
    name: "POST /api/signals",
    allowed: ["ADMIN", "RELEASE_MANAGER", "QA"],
    setup: async () => ({
      method: "POST",
      path: "/api/signals",
      handler: signalsRoute.POST,
      body: {
        product: await newProduct(),
        environment: "PROD",
        severity: "warning",
        summary: "Matrix signal",
        startsAt: new Date().toISOString(),
      },
    }),
  },
  {
    name: "GET /api/signals",
    allowed: ["ADMIN"],
    setup: async () => ({ method: "GET", path: "/api/signals", handler: signalsRoute.GET }),
  },
  {
    name: "GET /api/releases/{id}/signals",
    allowed: ROLES,
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${release.id}/signals`,
        handler: releaseSignalsRoute.GET as Handler,
        params: { id: release.id },
      };
    },
  },
  ...(["GET", "PUT", "DELETE"] as const).map((method) => ({
    // The release manager of the matrix owns the product; other release managers get 403.
    name: `${method} /api/products/{key}/signal-matching`,
    allowed: ["ADMIN", "RELEASE_MANAGER"] as Role[],
    setup: async () => {
      const key = await newProduct([users.RELEASE_MANAGER.id]);
      return {
        method,
        path: `/api/products/${key}/signal-matching`,
        handler: signalMatchingRoute[method] as Handler,
        params: { key },
        body:
          method === "PUT"
            ? {
                productLabels: ["product"],
                environmentLabels: ["env"],
                environmentValues: { prod: "PROD" },
                severities: ["critical"],
              }
            : undefined,
      };
    },
  })),
  {
    name: "GET /api/windows",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/windows", handler: windowsRoute.GET }),
  },
  {
    name: "POST /api/windows",
    allowed: ["ADMIN"],
    setup: async () => ({
      method: "POST",
      path: "/api/windows",
      handler: windowsRoute.POST,
      body: WINDOW,
    }),
  },
  {
    name: "PATCH /api/windows/{id}",
    allowed: ["ADMIN"],
    setup: async () => {
      const id = await newWindow();
      return {
        method: "PATCH",
        path: `/api/windows/${id}`,
        handler: windowRoute.PATCH as Handler,
        body: { name: "Renamed" },
        params: { id },
      };
    },
  },
  {
    name: "DELETE /api/windows/{id}",
    allowed: ["ADMIN"],
    setup: async () => {
      const id = await newWindow();
      return {
        method: "DELETE",
        path: `/api/windows/${id}`,
        handler: windowRoute.DELETE as Handler,
        params: { id },
      };
    },
  },
  {
    name: "GET /api/windows/export",
    allowed: ROLES,
    setup: async () => ({
      method: "GET",
      path: "/api/windows/export?format=ics&environment=PROD",
      handler: windowExportRoute.GET,
    }),
  },
  {
    // Any role, and (below) any token scope: a deploy token asks before it deploys.
    name: "GET /api/gate",
    allowed: ROLES,
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/gate?environment=DEV&version=${release.version}`,
        handler: gateRoute.GET,
      };
    },
  },
  {
    name: "GET /api/releases/{id}/exceptions",
    allowed: ROLES,
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "GET",
        path: `/api/releases/${release.id}/exceptions`,
        handler: releaseExceptionsRoute.GET as Handler,
        params: { id: release.id },
      };
    },
  },
  {
    name: "POST /api/releases/{id}/exceptions",
    allowed: ["RELEASE_MANAGER"],
    setup: async () => {
      const release = await newRelease(owner);
      return {
        method: "POST",
        path: `/api/releases/${release.id}/exceptions`,
        handler: releaseExceptionsRoute.POST as Handler,
        body: exceptionBody(),
        params: { id: release.id },
      };
    },
  },
  {
    name: "GET /api/exceptions",
    allowed: ROLES,
    setup: async () => ({ method: "GET", path: "/api/exceptions", handler: exceptionsRoute.GET }),
  },
  ...(["approve", "refuse"] as const).map((verb) => ({
    // Asked by another release manager: the matrix's may decide it (four eyes is the rule's own test).
    name: `POST /api/exceptions/{id}/${verb}`,
    allowed: ["ADMIN", "RELEASE_MANAGER"] as Role[],
    setup: async () => {
      const id = await newException();
      return {
        method: "POST",
        path: `/api/exceptions/${id}/${verb}`,
        handler: (verb === "approve"
          ? exceptionApproveRoute.POST
          : exceptionRefuseRoute.POST) as Handler,
        body: {},
        params: { id },
      };
    },
  })),
  {
    name: "GET /api/me/delegations",
    allowed: ROLES,
    session: true,
    setup: async () => ({
      method: "GET",
      path: "/api/me/delegations",
      handler: myDelegationsRoute.GET,
    }),
  },
  {
    name: "POST /api/me/delegations",
    allowed: ["ADMIN", "RELEASE_MANAGER", "QA"],
    session: true,
    // A fresh deputy each time: a second delegation of the same person would overlap.
    setup: async (role) => {
      await db.prisma.delegation.updateMany({
        where: { delegatorId: users[role].id },
        data: { endedAt: new Date() },
      });
      return {
        method: "POST",
        path: "/api/me/delegations",
        handler: myDelegationsRoute.POST,
        body: { deputyId: qa.id, from: await goLiveIn(10), to: await goLiveIn(20) },
      };
    },
  },
  {
    name: "DELETE /api/me/delegations/{id}",
    allowed: ROLES,
    session: true,
    // Each role ends a delegation of its own.
    setup: async (role) => {
      const from = new Date(`${await goLiveIn(40)}T00:00:00Z`);
      const { id } = await db.prisma.delegation.create({
        data: { delegatorId: users[role].id, deputyId: qa.id, startDate: from, endDate: from },
      });
      return {
        method: "DELETE",
        path: `/api/me/delegations/${id}`,
        handler: myDelegationRoute.DELETE as Handler,
        params: { id },
      };
    },
  },
];

/** A product owned by the matrix's release manager, with a monthly train; returns its key. */
async function productWithTrain(): Promise<string> {
  const key = await newProduct([users.RELEASE_MANAGER.id]);
  await db.prisma.releaseTrain.create({
    data: {
      product: { connect: { key } },
      rule: "FREQ=MONTHLY;BYDAY=2TU",
      firstGoLive: new Date(`${await goLiveIn(90)}T00:00:00Z`),
      namePattern: `${key} {n}`,
      versionPattern: `${key}:{year}.{n}`,
      updatedBy: { connect: { id: users.ADMIN.id } },
    },
  });
  return key;
}

const GITOPS = {
  repository: "https://93.184.215.14/acme/deploy.git",
  branch: "main",
  author: { name: "Release Calendar", email: "calendar@example.com" },
  environments: {
    DEV: { file: "envs/dev/values.yaml", set: [{ key: "image.tag", value: "TAG" }] },
  },
};

/** A product owned by the matrix's release manager, with a GitOps target; returns its key. */
async function productWithGitops(): Promise<string> {
  const key = await newProduct([users.RELEASE_MANAGER.id]);
  await db.prisma.gitopsTarget.create({
    data: {
      product: { connect: { key } },
      // Loopback, which the test refuses at once: "test connection" answers ok false, quickly.
      repository: "https://127.0.0.1:9/acme/deploy.git",
      branch: GITOPS.branch,
      authorName: GITOPS.author.name,
      authorEmail: GITOPS.author.email,
      environments: GITOPS.environments,
      updatedBy: { connect: { id: users.ADMIN.id } },
    },
  });
  return key;
}

const WINDOW = {
  name: "Matrix window",
  kind: "DENY",
  environments: ["PROD"],
  rule: "FREQ=WEEKLY;BYDAY=FR",
  startTime: "14:00",
  durationMinutes: 60,
};

/** A deployment window; returns its id. */
async function newWindow(): Promise<string> {
  const { id } = await db.prisma.deploymentWindow.create({
    data: {
      ...WINDOW,
      kind: "DENY",
      environments: ["PROD"],
      startsOn: new Date("2026-01-02T00:00:00Z"),
      updatedById: users.ADMIN.id,
    },
  });
  return id;
}

/** An exception of the next two hours for PROD. */
function exceptionBody() {
  return {
    environment: "PROD",
    from: new Date(Date.now() + 3_600_000).toISOString(),
    to: new Date(Date.now() + 7_200_000).toISOString(),
    reason: "Matrix incident",
  };
}

/** An exception the owner (another release manager) asked for; returns its id. */
async function newException(): Promise<string> {
  const release = await newRelease(owner);
  const body = exceptionBody();
  const { id } = await db.prisma.gateException.create({
    data: {
      releaseId: release.id,
      environment: "PROD",
      startsAt: new Date(body.from),
      endsAt: new Date(body.to),
      reason: body.reason,
      requestedById: owner.id,
    },
  });
  return id;
}

/** A product owned by the given people; returns its key. */
async function newProduct(ownerIds: string[] = []): Promise<string> {
  const key = `p-${randomUUID().slice(0, 8)}`;
  await db.prisma.product.create({
    data: {
      key,
      name: `Product ${key}`,
      owners: { create: ownerIds.map((userId) => ({ userId })) },
    },
  });
  return key;
}

describe("the gate takes any token scope", () => {
  it.each(["read", "write", "deploy"] as const)("a %s token may ask the gate", async (scope) => {
    const token = await issueTestToken(db.prisma, users.QA.email, scope);
    const release = await newRelease(owner);
    const response = await gateRoute.GET(
      new Request(`http://localhost/api/gate?environment=DEV&version=${release.version}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(response.status).toBe(200);
  });
});

describe("authorization matrix", () => {
  for (const route of ROUTES) {
    const via = route.session ? "session" : "token";
    for (const role of ROLES) {
      const isAllowed = route.allowed.includes(role);
      it(`${route.name} as ${role} (${via}) → ${isAllowed ? "2xx" : "403"}`, async () => {
        const { status } = await send(role, await route.setup(role), via);
        if (isAllowed) expect(status).toBeGreaterThanOrEqual(200);
        if (isAllowed) expect(status).toBeLessThan(300);
        else expect(status).toBe(403);
      });
      if (route.session) {
        it(`${route.name} as ${role} with an API token → 403 SESSION_REQUIRED`, async () => {
          const answer = await send(role, await route.setup(role), "token");
          expect(answer).toEqual({
            status: 403,
            code: isAllowed ? "SESSION_REQUIRED" : answer.code,
          });
        });
      }
    }
  }
});

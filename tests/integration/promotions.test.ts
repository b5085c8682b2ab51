// Promotion through Git, end to end against a real Git server on loopback: an owner keeps the
// product's GitOps target (the token sealed, never answered, never audited), a sign-off queues the
// promotion in its own transaction, the worker commits the release's tag and digest with the
// approvers in the message, a second run writes nothing, the deployment report closes the loop,
// wrong credentials fail with the reason and are retried, and bad input is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as gitopsRoute from "@/app/api/products/[key]/gitops/route";
import * as gitopsTestRoute from "@/app/api/products/[key]/gitops/test/route";
import * as retryRoute from "@/app/api/promotions/[id]/retry/route";
import * as promotionsRoute from "@/app/api/releases/[id]/promotions/route";
import { resetEnvCache } from "@/lib/env";
import { recordDeployment } from "@/lib/server/deployments/record-deployment";
import { listFailedPromotions, runPromotions } from "@/lib/server/gitops/promotions";
import { createRelease } from "@/lib/server/releases/create-release";
import { signOffStage } from "@/lib/server/releases/stage-actions";
import type { GitopsTargetDto, GitopsTestResult, PromotionDto } from "@/lib/types/gitops";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn } from "../support/factories";
import { type GitServer, startGitServer } from "../support/git-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Person = SessionUser & { token: string };
type Failure = { error: { code: string; message: string } };
const CREDENTIALS = { username: "calendar", password: "gitops-secret-token-42" };
const VALUES = `# LAST — written by Release Calendar, reviewed by people
image:
  repository: registry.example.com/payments-api
  tag: "0.9.0"   # the tag
  digest: sha256:${"0".repeat(64)}
`;
let db: TestDatabase;
let server: GitServer;
let repository: string;
const people = {} as Record<"owner" | "other" | "qa" | "admin" | "viewer", Person>;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  resetEnvCache();
  server = await startGitServer(CREDENTIALS);
  repository = server.createRepository("deploy", {
    "envs/last/values.yaml": VALUES,
    "envs/int/values.yaml": VALUES.replace("LAST", "INT"),
  });
  db = await createTestDatabase();
  const roles = {
    owner: "RELEASE_MANAGER",
    other: "RELEASE_MANAGER",
    qa: "QA",
    admin: "ADMIN",
    viewer: "VIEWER",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role, `${key} person`);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
    };
  }
  await db.prisma.product.create({
    data: { key: "payments", name: "Payments", owners: { create: [{ userId: people.owner.id }] } },
  });
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  resetEnvCache();
  await server.close();
  await db.close();
});

function target(overrides: Record<string, unknown> = {}) {
  return {
    repository,
    branch: "main",
    username: CREDENTIALS.username,
    token: CREDENTIALS.password,
    author: { name: "Release Calendar", email: "calendar@example.com" },
    environments: {
      LAST: {
        file: "envs/last/values.yaml",
        set: [
          { key: "image.tag", value: "TAG" },
          { key: "image.digest", value: "DIGEST" },
        ],
      },
      INT: { file: "envs/int/values.yaml", set: [{ key: "image.tag", value: "TAG" }] },
    },
    ...overrides,
  };
}

const putTarget = (body: unknown, who: Person = people.owner) =>
  callJson<GitopsTargetDto & Failure>(gitopsRoute.PUT, {
    method: "PUT",
    path: "/api/products/payments/gitops",
    token: who.token,
    body,
    params: { key: "payments" },
  });
const promote = (id: string, environment: string, who: Person = people.owner) =>
  callJson<PromotionDto & Failure>(promotionsRoute.POST, {
    method: "POST",
    path: `/api/releases/${id}/promotions`,
    token: who.token,
    body: { environment },
    params: { id },
  });
const promotionsOf = async (id: string) =>
  (
    await callJson<PromotionDto[]>(promotionsRoute.GET, {
      path: `/api/releases/${id}/promotions`,
      token: people.viewer.token,
      params: { id },
    })
  ).body;

let counter = 0;
async function releaseThroughTest(): Promise<ReleaseDto> {
  counter += 1;
  const release = await createRelease(people.owner, {
    type: "RELEASE",
    name: `Payments API 3.${counter}.0`,
    version: `registry.example.com/payments-api:3.${counter}.0`,
    digest: `sha256:${String(counter).repeat(64).slice(0, 64)}`,
    goLive: await goLiveIn(60 + counter),
    product: "payments",
  });
  for (const key of ["DEV", "TEST"] as const) {
    await signOffStage({ id: release.id, key, decision: "APPROVE", actor: people.qa });
  }
  return release;
}

describe("the GitOps target", () => {
  it("is kept by the product's owners and admins; the token is never answered nor audited", async () => {
    expect((await putTarget(target(), people.other)).body.error.code).toBe("NOT_AN_OWNER");
    expect((await putTarget(target(), people.qa)).status).toBe(403);
    const saved = await putTarget(target());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ repository, branch: "main", hasToken: true });
    expect(JSON.stringify(saved.body)).not.toContain(CREDENTIALS.password);
    // Saved again without a token: the stored one stays.
    const { token: _token, ...withoutToken } = target();
    expect((await putTarget(withoutToken)).body.hasToken).toBe(true);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "GITOPS_CHANGED" } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(
      JSON.stringify(audit.map((event) => [event.before, event.after, event.comment])),
    ).not.toContain(CREDENTIALS.password);
    const stored = await db.prisma.gitopsTarget.findFirstOrThrow();
    expect(stored.tokenSealed).not.toContain(CREDENTIALS.password);
  });

  it("tests the connection: the branch's head, or why it cannot be read", async () => {
    const test = () =>
      callJson<GitopsTestResult>(gitopsTestRoute.POST, {
        method: "POST",
        path: "/api/products/payments/gitops/test",
        token: people.owner.token,
        params: { key: "payments" },
      });
    expect((await test()).body).toEqual({
      ok: true,
      head: server.log("deploy")[0]!.sha,
      message: expect.stringMatching(/^Branch main found at [0-9a-f]{12}\.$/),
    });
    await putTarget(target({ branch: "release" }));
    expect((await test()).body).toEqual({
      ok: false,
      head: null,
      message: "Cannot read release: branch release not found.",
    });
    await putTarget(target());
  });

  it("refuses malformed input with a 400 and changes nothing", async () => {
    const before = await db.prisma.gitopsTarget.findFirstOrThrow();
    for (const body of [
      target({ repository: "not a url" }),
      target({ repository: `https://user:pw@example.com/deploy.git` }),
      target({ environments: { STAGING: { file: "a.yaml", set: [{ key: "a", value: "TAG" }] } } }),
      target({
        environments: { LAST: { file: "a.yaml", set: [{ key: "image..tag", value: "TAG" }] } },
      }),
      target({ environments: { LAST: { file: "../a.yaml", set: [{ key: "a", value: "TAG" }] } } }),
      target({ environments: { LAST: { file: "a.yaml", set: [{ key: "a", value: "LATEST" }] } } }),
    ]) {
      const answer = await putTarget(body);
      expect(answer.status, JSON.stringify(body.environments ?? body.repository)).toBe(400);
    }
    expect((await db.prisma.gitopsTarget.findFirstOrThrow()).updatedAt).toEqual(before.updatedAt);
  });
});

describe("promotions", () => {
  it("a sign-off promotes: the commit sets tag and digest, names the approvers, keeps comments", async () => {
    const release = await releaseThroughTest();
    const [queued] = await promotionsOf(release.id);
    expect(queued).toMatchObject({ environment: "LAST", state: "WAITING", requestedBy: null });
    expect(await runPromotions()).toBeGreaterThanOrEqual(1);
    const [pushed] = await promotionsOf(release.id);
    expect(pushed).toMatchObject({
      environment: "LAST",
      state: "PUSHED",
      attempts: 1,
      error: null,
    });
    const [head] = server.log("deploy");
    expect(pushed!.commit).toBe(head!.sha);
    expect(head!.message).toContain(`Promote ${release.name} (${release.version}) to LAST`);
    expect(head!.message).toContain(`Release-Id: ${release.id}`);
    expect(head!.message).toContain(`Approved-by: qa person <${people.qa.email}>`);
    expect(server.readFile("deploy", "envs/last/values.yaml")).toBe(
      VALUES.replace('"0.9.0"', `"3.${counter}.0"`).replace(
        `sha256:${"0".repeat(64)}`,
        release.digest!,
      ),
    );

    // Promoted again by hand: the file holds the values, nothing is written.
    const commits = server.log("deploy").length;
    expect((await promote(release.id, "LAST")).status).toBe(201);
    await runPromotions();
    expect((await promotionsOf(release.id))[0]).toMatchObject({
      state: "UNCHANGED",
      commit: head!.sha,
    });
    expect(server.log("deploy")).toHaveLength(commits);

    // The deployment of the release's artifact to LAST closes the loop.
    await recordDeployment(people.qa, {
      environment: "LAST",
      version: release.version,
      digest: release.digest!,
      status: "SUCCEEDED",
    });
    const states = (await promotionsOf(release.id)).map((promotion) => promotion.state);
    expect(states).toEqual(["DEPLOYED", "DEPLOYED"]);

    const events = await db.prisma.outboxEvent.findMany({
      where: { releaseId: release.id, event: { startsWith: "promotion." } },
    });
    expect(events.map((event) => event.event)).toEqual(["promotion.pushed", "promotion.pushed"]);
  });

  it("fails with the reason on wrong credentials, is retried later, and pushes once fixed", async () => {
    await putTarget(target({ token: "wrong-token" }));
    const release = await releaseThroughTest();
    await runPromotions();
    const [failed] = await promotionsOf(release.id);
    expect(failed).toMatchObject({ state: "FAILED", error: "authentication refused", attempts: 1 });
    expect(Date.parse(failed!.nextAttemptAt!)).toBeGreaterThan(Date.now());
    const audit = await db.prisma.auditEvent.findMany({
      where: { releaseId: release.id, action: "PROMOTION_FAILED" },
    });
    expect(audit.map((event) => event.comment)).toEqual(["authentication refused"]);
    expect(JSON.stringify(audit.map((event) => [event.after, event.comment]))).not.toContain(
      "wrong-token",
    );
    // Administrators see it with the outbox.
    expect((await listFailedPromotions()).map((promotion) => promotion.id)).toContain(failed!.id);

    await putTarget(target());
    const retried = await callJson<PromotionDto & Failure>(retryRoute.POST, {
      method: "POST",
      path: `/api/promotions/${failed!.id}/retry`,
      token: people.other.token,
      params: { id: failed!.id },
    });
    expect(retried.body.state).toBe("WAITING");
    await runPromotions();
    expect((await promotionsOf(release.id))[0]).toMatchObject({ state: "PUSHED", attempts: 2 });
    const again = await callJson<Failure>(retryRoute.POST, {
      method: "POST",
      path: `/api/promotions/${failed!.id}/retry`,
      token: people.other.token,
      params: { id: failed!.id },
    });
    expect(again.body.error.code).toBe("PROMOTION_NOT_FAILED");
  });

  it("fails on a key that is not in the file and pushes nothing", async () => {
    await putTarget(
      target({
        environments: {
          LAST: { file: "envs/last/values.yaml", set: [{ key: "image.version", value: "TAG" }] },
        },
      }),
    );
    const commits = server.log("deploy").length;
    const release = await releaseThroughTest();
    await runPromotions();
    expect((await promotionsOf(release.id))[0]).toMatchObject({
      state: "FAILED",
      error: "key image.version not found in envs/last/values.yaml.",
    });
    expect(server.log("deploy")).toHaveLength(commits);
    await putTarget(target());
  });

  it("refuses a stage not signed off (409), an environment without target (422), and non-managers", async () => {
    const release = await releaseThroughTest();
    expect((await promote(release.id, "INT")).body.error.code).toBe("NOT_SIGNED_OFF");
    expect((await promote(release.id, "TEST")).body.error.code).toBe("NO_GITOPS_TARGET");
    expect((await promote(release.id, "LAST", people.qa)).status).toBe(403);
    expect((await promote(release.id, "NOWHERE")).status).toBe(400);
  });

  it("lands two releases promoted at once to different files of one branch", async () => {
    const first = await releaseThroughTest();
    const second = await releaseThroughTest();
    await signOffStage({ id: second.id, key: "LAST", decision: "APPROVE", actor: people.qa });
    await Promise.all([runPromotions(), runPromotions()]);
    await runPromotions();
    expect((await promotionsOf(first.id)).map((promotion) => promotion.state)).toContain("PUSHED");
    expect((await promotionsOf(second.id)).map((promotion) => promotion.environment)).toEqual(
      expect.arrayContaining(["LAST", "INT"]),
    );
    expect(server.readFile("deploy", "envs/int/values.yaml")).toContain(`tag: "3.${counter}.0"`);
  });
});

// Deployments reported by pipelines and GitOps controllers through POST /api/deployments: tied to
// their release by id or version, flagged, idempotent by deliveryId, audited; and the rule that a
// version names one release that is not cancelled, kept by the routes and by the database.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as deploymentsRoute from "@/app/api/deployments/route";
import * as releaseDeploymentsRoute from "@/app/api/releases/[id]/deployments/route";
import * as releaseRoute from "@/app/api/releases/[id]/route";
import * as releasesRoute from "@/app/api/releases/route";
import { toAppError } from "@/lib/server/api/errors";
import { cancelRelease, signOffStage } from "@/lib/server/releases/stage-actions";
import type { DeploymentDto } from "@/lib/types/deployment";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Answer = DeploymentDto & {
  error?: { code: string; message: string; details?: { deployment?: DeploymentDto } };
};

let db: TestDatabase;
let rm: SessionUser;
let qa: SessionUser;
let viewer: SessionUser;
const tokens = {} as Record<"deploy" | "write" | "read" | "viewerDeploy" | "rmWrite", string>;

beforeAll(async () => {
  db = await createTestDatabase();
  rm = await createUser(db.prisma, "RELEASE_MANAGER");
  qa = await createUser(db.prisma, "QA", "Build bot");
  viewer = await createUser(db.prisma, "VIEWER");
  tokens.deploy = await issueTestToken(db.prisma, qa.email, "deploy");
  tokens.write = await issueTestToken(db.prisma, qa.email, "write");
  tokens.read = await issueTestToken(db.prisma, qa.email, "read");
  tokens.viewerDeploy = await issueTestToken(db.prisma, viewer.email, "deploy");
  tokens.rmWrite = await issueTestToken(db.prisma, rm.email, "write");
});
afterAll(() => db.close());

const report = (body: unknown, token = tokens.deploy) =>
  callJson<Answer>(deploymentsRoute.POST, {
    method: "POST",
    path: "/api/deployments",
    token,
    body,
  });

const releaseOf = async (id: string) =>
  (
    await callJson<ReleaseDto>(releaseRoute.GET, {
      path: `/api/releases/${id}`,
      token: tokens.read,
      params: { id },
    })
  ).body;

const digest = (char: string) => `sha256:${char.repeat(64)}`;

describe("reporting a deployment", () => {
  it("finds the release by version, records it on the stage, learns the digest, audits", async () => {
    const release = await newRelease(rm);
    const answer = await report({
      environment: "DEV",
      version: release.version,
      digest: digest("a"),
      status: "SUCCEEDED",
      source: "argocd",
      url: "https://argocd.example.com/applications/payments",
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      releaseId: release.id,
      environment: "DEV",
      status: "SUCCEEDED",
      version: release.version,
      digest: digest("a"),
      source: "argocd",
      url: "https://argocd.example.com/applications/payments",
      flags: [],
    });

    const after = await releaseOf(release.id);
    expect(after.digest).toBe(digest("a"));
    expect(after.revision).toBe(release.revision + 1);
    expect(after.stages[0]!.lastDeployment).toMatchObject({
      id: answer.body.id,
      status: "SUCCEEDED",
      flags: [],
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { releaseId: release.id, action: "DEPLOYMENT_RECORDED" },
    });
    expect(audit).toMatchObject({ actorId: qa.id, stageKey: "DEV", comment: null });
    expect(audit.after).toMatchObject({ deploymentId: answer.body.id, learnedDigest: digest("a") });
  });

  it("a start or a failure teaches no digest; a write token may report too", async () => {
    const release = await newRelease(rm);
    const started = await report(
      { environment: "DEV", version: release.version, digest: digest("b"), status: "STARTED" },
      tokens.write,
    );
    expect(started.status).toBe(201);
    await report({
      environment: "DEV",
      version: release.version,
      digest: digest("b"),
      status: "FAILED",
    });
    const after = await releaseOf(release.id);
    expect(after.digest).toBeNull();
    expect(after.revision).toBe(release.revision);
    expect(after.stages[0]!.lastDeployment?.status).toBe("FAILED");
  });

  it("the same deliveryId again answers the first record and writes nothing", async () => {
    const release = await newRelease(rm);
    const body = {
      environment: "DEV",
      releaseId: release.id,
      version: release.version,
      status: "SUCCEEDED",
      deliveryId: `argo-${randomUUID()}`,
    };
    const first = await report(body);
    const again = await report({ ...body, status: "FAILED" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await db.prisma.deployment.count({ where: { releaseId: release.id } })).toBe(1);
    expect(
      await db.prisma.auditEvent.count({
        where: { releaseId: release.id, action: "DEPLOYMENT_RECORDED" },
      }),
    ).toBe(1);
  });

  it("concurrent reports with one deliveryId make exactly one record", async () => {
    const release = await newRelease(rm);
    const body = {
      environment: "DEV",
      version: release.version,
      status: "SUCCEEDED",
      deliveryId: `gha-${randomUUID()}`,
    };
    const answers = await Promise.all([report(body), report(body), report(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await db.prisma.deployment.count({ where: { releaseId: release.id } })).toBe(1);
  });

  it("another digest is recorded, audited and answered 409 ARTIFACT_MISMATCH with the record", async () => {
    const release = await newRelease(rm);
    await report({
      environment: "DEV",
      version: release.version,
      digest: digest("c"),
      status: "SUCCEEDED",
    });
    const other = await report({
      environment: "DEV",
      version: release.version,
      digest: digest("d"),
      status: "SUCCEEDED",
    });
    expect(other.status).toBe(409);
    expect(other.body.error?.code).toBe("ARTIFACT_MISMATCH");
    expect(other.body.error?.message).toMatch(/another build/);
    const recorded = other.body.error!.details!.deployment!;
    expect(recorded.flags).toEqual(["ARTIFACT_MISMATCH"]);
    const after = await releaseOf(release.id);
    expect(after.digest).toBe(digest("c"));
    expect(after.stages[0]!.lastDeployment).toMatchObject({
      id: recorded.id,
      flags: ["ARTIFACT_MISMATCH"],
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { releaseId: release.id, action: "DEPLOYMENT_RECORDED", comment: { not: null } },
    });
    expect(audit.comment).toMatch(/digest sha256:d+, not the release's sha256:c+/);
    expect(after.deploymentFlags).toEqual(["ARTIFACT_MISMATCH"]);

    // The right build deployed again: the environment is clean, the history keeps the mismatch.
    await report({
      environment: "DEV",
      version: release.version,
      digest: digest("c"),
      status: "SUCCEEDED",
    });
    expect((await releaseOf(release.id)).deploymentFlags).toEqual([]);
    expect(await db.prisma.deployment.count({ where: { releaseId: release.id } })).toBe(3);
  });

  it("another tag named by releaseId is a mismatch; a stage not open yet is out of order", async () => {
    const release = await newRelease(rm);
    const wrongTag = await report({
      environment: "DEV",
      releaseId: release.id,
      version: `${release.version}-rebuilt`,
      status: "SUCCEEDED",
    });
    expect(wrongTag.status).toBe(409);
    expect(wrongTag.body.error?.details?.deployment?.flags).toEqual(["ARTIFACT_MISMATCH"]);

    const early = await report({
      environment: "LAST",
      version: release.version,
      status: "SUCCEEDED",
    });
    expect(early.status).toBe(201);
    expect(early.body.flags).toEqual(["OUT_OF_ORDER"]);

    // After DEV's sign-off TEST is open: no flag there.
    await signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: qa });
    const inOrder = await report({
      environment: "TEST",
      version: release.version,
      status: "STARTED",
    });
    expect(inOrder.body.flags).toEqual([]);
  });

  it("an older report does not replace the environment's latest; the list is oldest first", async () => {
    const release = await newRelease(rm);
    const now = Date.now();
    const newer = await report({
      environment: "DEV",
      version: release.version,
      status: "SUCCEEDED",
      at: new Date(now - 60_000).toISOString(),
    });
    const older = await report({
      environment: "DEV",
      version: release.version,
      status: "FAILED",
      at: new Date(now - 3_600_000).toISOString(),
    });
    expect((await releaseOf(release.id)).stages[0]!.lastDeployment?.id).toBe(newer.body.id);
    const list = await callJson<DeploymentDto[]>(releaseDeploymentsRoute.GET, {
      path: `/api/releases/${release.id}/deployments`,
      token: tokens.read,
      params: { id: release.id },
    });
    expect(list.status).toBe(200);
    expect(list.body.map((d) => d.id)).toEqual([older.body.id, newer.body.id]);
    expect(list.body[0]!.reportedBy.name).toBe("Build bot");
  });
});

describe("who may report, and what is refused", () => {
  it("a read token gets 403 TOKEN_SCOPE; a viewer 403; a wrong token 401; a deploy token reads nothing", async () => {
    const release = await newRelease(rm);
    const body = { environment: "DEV", version: release.version, status: "SUCCEEDED" };
    const readToken = await report(body, tokens.read);
    expect([readToken.status, readToken.body.error?.code]).toEqual([403, "TOKEN_SCOPE"]);
    const viewerToken = await report(body, tokens.viewerDeploy);
    expect([viewerToken.status, viewerToken.body.error?.code]).toEqual([403, "FORBIDDEN"]);
    const revoked = await report(body, "rc_not-a-token");
    expect([revoked.status, revoked.body.error?.code]).toEqual([401, "INVALID_TOKEN"]);
    const readWithDeploy = await callJson<Answer>(releaseRoute.GET, {
      path: `/api/releases/${release.id}`,
      token: tokens.deploy,
      params: { id: release.id },
    });
    expect([readWithDeploy.status, readWithDeploy.body.error?.code]).toEqual([403, "TOKEN_SCOPE"]);
    expect(await db.prisma.deployment.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("an unknown release is 404 RELEASE_NOT_FOUND, by version and by id", async () => {
    const byVersion = await report({
      environment: "DEV",
      version: "nobody:0.0.1",
      status: "SUCCEEDED",
    });
    expect([byVersion.status, byVersion.body.error?.code]).toEqual([404, "RELEASE_NOT_FOUND"]);
    const byId = await report({
      environment: "DEV",
      releaseId: randomUUID(),
      version: "nobody:0.0.1",
      status: "SUCCEEDED",
    });
    expect([byId.status, byId.body.error?.code]).toEqual([404, "RELEASE_NOT_FOUND"]);
  });

  it.each([
    [{ environment: "QA", version: "x:1", status: "SUCCEEDED" }, "environment"],
    [{ environment: "DEV", version: "x:1", status: "DONE" }, "status"],
    [{ environment: "DEV", version: "has spaces", status: "SUCCEEDED" }, "version"],
    [{ environment: "DEV", version: "x:1", status: "SUCCEEDED", digest: "md5" }, "digest"],
    [{ environment: "DEV", version: "x:1", status: "SUCCEEDED", url: "ftp://x" }, "url"],
    [{ environment: "DEV", version: "x:1", status: "SUCCEEDED", at: "yesterday" }, "at"],
    [{ environment: "DEV", version: "x:1", status: "SUCCEEDED", at: "2999-01-01T00:00:00Z" }, "at"],
    [{ environment: "DEV", version: "x:1", status: "SUCCEEDED", colour: "red" }, ""],
  ])("bad input %j → 400 naming %s", async (body, field) => {
    const answer = await report(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe("VALIDATION_FAILED");
    expect(answer.body.error?.message).toContain(field);
  });
});

describe("a version names one release that is not cancelled", () => {
  const create = (version: string) =>
    goLiveIn(60).then((goLive) =>
      callJson<ReleaseDto & { error?: { code: string } }>(releasesRoute.POST, {
        method: "POST",
        path: "/api/releases",
        token: tokens.rmWrite,
        body: { name: "Twin", version, type: "RELEASE", goLive },
      }),
    );

  it("creating or editing another release with it → 409 VERSION_TAKEN; cancelling frees it", async () => {
    const version = `twin:${randomUUID().slice(0, 8)}`;
    const first = await create(version);
    expect(first.status).toBe(201);
    const twin = await create(version);
    expect([twin.status, twin.body.error?.code]).toEqual([409, "VERSION_TAKEN"]);

    const other = await create(`${version}-b`);
    const edit = await callJson<{ error?: { code: string } }>(releaseRoute.PATCH, {
      method: "PATCH",
      path: `/api/releases/${other.body.id}`,
      token: tokens.rmWrite,
      body: { revision: other.body.revision, version },
      params: { id: other.body.id },
    });
    expect([edit.status, edit.body.error?.code]).toEqual([409, "VERSION_TAKEN"]);

    await cancelRelease({ id: first.body.id, actor: rm, reason: "Replaced" });
    expect((await create(version)).status).toBe(201);
  });

  it("the database refuses a second release with the version too", async () => {
    const release = await newRelease(rm);
    const row = await db.prisma.release.findUniqueOrThrow({ where: { id: release.id } });
    const { id: _id, ...copy } = row;
    const error = await db.prisma.release
      .create({ data: { ...copy, name: "Sneaked in" } })
      .then(() => undefined)
      .catch((caught: unknown) => caught);
    expect(toAppError(error)?.code).toBe("VERSION_TAKEN");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as listReleasesRoute } from "@/app/api/releases/route";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { authenticateApiToken, hashApiToken } from "@/lib/server/users/authenticate-api-token";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";

import { issueTestToken } from "../support/api-tokens";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
});
afterAll(() => db.close());

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitive email", async () => {
    expect(await verifyCredentials(" RM@demo.local ", "demo-rm")).toMatchObject({
      email: "rm@demo.local",
      role: "RELEASE_MANAGER",
    });
  });

  it("refuses a wrong password or an unknown email alike", async () => {
    expect(await verifyCredentials("rm@demo.local", "demo-rm2")).toBeNull();
    expect(await verifyCredentials("nobody@demo.local", "demo-rm")).toBeNull();
  });

  it("refuses a deactivated user", async () => {
    await db.prisma.user.update({ where: { email: "qa2@demo.local" }, data: { isActive: false } });
    expect(await verifyCredentials("qa2@demo.local", "demo-qa2")).toBeNull();
    await db.prisma.user.update({ where: { email: "qa2@demo.local" }, data: { isActive: true } });
  });
});

describe("API tokens", () => {
  it("authenticate as their owner and record their use", async () => {
    const token = await issueTestToken(db.prisma, "viewer@demo.local");
    expect(await authenticateApiToken(token)).toMatchObject({
      email: "viewer@demo.local",
      role: "VIEWER",
    });
    const stored = await db.prisma.apiToken.findUniqueOrThrow({
      where: { tokenHash: hashApiToken(token) },
    });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("stop working once revoked", async () => {
    const token = await issueTestToken(db.prisma, "qa@demo.local");
    await db.prisma.apiToken.update({
      where: { tokenHash: hashApiToken(token) },
      data: { revokedAt: new Date() },
    });
    expect(await authenticateApiToken(token)).toBeNull();
  });
});

describe("GET /api/releases", () => {
  const call = (query: string, token?: string) =>
    listReleasesRoute(
      new Request(`http://localhost/api/releases${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
      undefined,
    );

  it("answers 401 with the error envelope for an unknown token", async () => {
    const response = await call("", "rc_not-a-token");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "INVALID_TOKEN", message: expect.any(String) },
    });
  });

  it("lists releases for a token's owner, filtered", async () => {
    const token = await issueTestToken(db.prisma, "rm2@demo.local");
    const response = await call("?type=PATCH&status=IN_PROGRESS,CANCELLED", token);
    expect(response.status).toBe(200);
    const releases = (await response.json()) as { type: string; status: string }[];
    expect(releases.length).toBeGreaterThan(0);
    expect(
      releases.every((r) => r.type === "PATCH" && ["IN_PROGRESS", "CANCELLED"].includes(r.status)),
    ).toBe(true);
  });

  it.each([
    ["?from=2027-02-29", "VALIDATION_FAILED"],
    ["?to=03/15/2027", "VALIDATION_FAILED"],
    ["?from=2027-05-01&to=2027-04-01", "VALIDATION_FAILED"],
    ["?type=HOTFIX", "VALIDATION_FAILED"],
    ["?status=DONE", "VALIDATION_FAILED"],
    ["?sort=name", "UNKNOWN_PARAMETER"],
  ])("answers 400 for %s", async (query, code) => {
    const token = await issueTestToken(db.prisma, "viewer@demo.local");
    const response = await call(query, token);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
  });
});

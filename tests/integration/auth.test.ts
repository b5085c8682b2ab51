import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as listReleasesRoute } from "@/app/api/releases/route";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { authenticateApiToken, hashApiToken } from "@/lib/server/users/api-tokens";
import { THROTTLE } from "@/lib/server/users/sign-in-throttle";
import { signInWithPassword } from "@/lib/server/users/sign-in-with-password";

import { issueTestToken } from "../support/api-tokens";
import { codeOfRejection } from "../support/call-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
});
afterAll(() => db.close());

const codeOf = codeOfRejection;

describe("signInWithPassword", () => {
  it("accepts the right password, case-insensitive email", async () => {
    expect(
      await signInWithPassword({ email: " RM@demo.local ", password: "demo-rm" }),
    ).toMatchObject({
      email: "rm@demo.local",
      role: "RELEASE_MANAGER",
    });
  });

  it("refuses a wrong password or an unknown email alike", async () => {
    expect(await codeOf(signInWithPassword({ email: "rm@demo.local", password: "demo-rm2" }))).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(
      await codeOf(signInWithPassword({ email: "nobody@demo.local", password: "demo-rm" })),
    ).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a deactivated user", async () => {
    await db.prisma.user.update({ where: { email: "qa2@demo.local" }, data: { isActive: false } });
    expect(
      await codeOf(signInWithPassword({ email: "qa2@demo.local", password: "demo-qa2" })),
    ).toBe("INVALID_CREDENTIALS");
    await db.prisma.user.update({ where: { email: "qa2@demo.local" }, data: { isActive: true } });
  });

  it("blocks an email for 15 minutes after 5 failures, even with the right password; others go on", async () => {
    const attempt = (email: string, password: string) =>
      codeOf(signInWithPassword({ email, password, client: "203.0.113.7" }));
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      expect(await attempt("qa@demo.local", "wrong-password")).toBe("INVALID_CREDENTIALS");
    }
    expect(await attempt("qa@demo.local", "demo-qa")).toBe("TOO_MANY_ATTEMPTS");
    expect(await attempt("viewer@demo.local", "demo-viewer")).toBeUndefined();
    try {
      await signInWithPassword({ email: "qa@demo.local", password: "demo-qa" });
    } catch (error) {
      expect((error as Error).message).toMatch(/Try again in 1[45] minutes\./);
    }
    const row = await db.prisma.signInThrottle.findUniqueOrThrow({
      where: { key: "email:qa@demo.local" },
    });
    expect(row.blockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    await db.prisma.signInThrottle.deleteMany();
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    for (let i = 0; i < THROTTLE.emailLimit - 1; i++) {
      await codeOf(signInWithPassword({ email: "rm2@demo.local", password: "nope-nope" }));
    }
    await signInWithPassword({ email: "rm2@demo.local", password: "demo-rm2" });
    expect(
      await codeOf(signInWithPassword({ email: "rm2@demo.local", password: "nope-nope" })),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      await signInWithPassword({ email: "rm2@demo.local", password: "demo-rm2" }),
    ).toBeTruthy();
    await db.prisma.signInThrottle.deleteMany();
  });
});

describe("API tokens", () => {
  it("authenticate as their owner with their scope, and record their use", async () => {
    const token = await issueTestToken(db.prisma, "viewer@demo.local", "read");
    expect(await authenticateApiToken(token)).toMatchObject({
      user: { email: "viewer@demo.local", role: "VIEWER" },
      scope: "read",
    });
    const stored = await db.prisma.apiToken.findUniqueOrThrow({
      where: { tokenHash: hashApiToken(token) },
    });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("stop working once revoked or expired", async () => {
    const token = await issueTestToken(db.prisma, "qa@demo.local");
    await db.prisma.apiToken.update({
      where: { tokenHash: hashApiToken(token) },
      data: { revokedAt: new Date() },
    });
    expect(await authenticateApiToken(token)).toBeNull();
    const expired = await issueTestToken(db.prisma, "qa@demo.local");
    await db.prisma.apiToken.update({
      where: { tokenHash: hashApiToken(expired) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await authenticateApiToken(expired)).toBeNull();
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

// The front door's rules (issue 21), each against the real routes and database: product ownership,
// throttling under concurrency and its known devices, tokens that cannot mint tokens, the token
// lifetime, a forced reset that also revokes tokens and feed, deployment keys per reporter, demo
// data without public passwords on PostgreSQL, commonly breached passwords, and error logs
// without query strings. (Webhook targets: notifications.test.ts; single sign-on:
// people.test.ts; sign-out and the client address: the end-to-end tests, which run inside Next.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as deploymentsRoute from "@/app/api/deployments/route";
import * as calendarFeedRoute from "@/app/api/me/calendar-feed/route";
import * as delegationsRoute from "@/app/api/me/delegations/route";
import * as passwordRoute from "@/app/api/me/password/route";
import * as myTokensRoute from "@/app/api/me/tokens/route";
import * as approversRoute from "@/app/api/products/[key]/approvers/[stage]/route";
import * as productRoute from "@/app/api/products/[key]/route";
import * as productsRoute from "@/app/api/products/route";
import * as passwordResetRoute from "@/app/api/users/[id]/password-reset/route";
import * as usersRoute from "@/app/api/users/route";
import { DEMO_USERS } from "@/lib/demo-users";
import { readEnv } from "@/lib/env";
import { userOfFeedToken } from "@/lib/server/calendar-feed/feed-tokens";
import { requestErrorFields } from "@/lib/server/log";
import { demoPasswordsFor, seedDemoData } from "@/lib/server/seed/seed-demo";
import {
  authenticateApiToken,
  getTokenMaxLifetimeDays,
  setTokenMaxLifetimeDays,
} from "@/lib/server/users/api-tokens";
import { knownDeviceCookie, knownDeviceOf } from "@/lib/server/users/known-device";
import { setPasswordWithLink } from "@/lib/server/users/password-links";
import { pruneSignInThrottle, THROTTLE } from "@/lib/server/users/sign-in-throttle";
import { signInWithPassword } from "@/lib/server/users/sign-in-with-password";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson, codeOfRejection } from "../support/call-route";
import { createUser, newRelease } from "../support/factories";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Person = SessionUser & { token: string; cookie: string };
let db: TestDatabase;
const people = {} as Record<"admin" | "rm" | "rm2" | "qa" | "viewer", Person>;

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = {
    admin: "ADMIN",
    rm: "RELEASE_MANAGER",
    rm2: "RELEASE_MANAGER",
    qa: "QA",
    viewer: "VIEWER",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role, `${key} person`);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
      cookie: (await signedInCookie(user)).cookie,
    };
  }
});
afterAll(() => db.close());

const codeOf = codeOfRejection;

describe("product ownership", () => {
  const patch = (who: Person, key: string, body: unknown) =>
    callJson<{ owners: { id: string }[]; error?: { code: string } }>(productRoute.PATCH, {
      method: "PATCH",
      path: `/api/products/${key}`,
      token: who.token,
      body,
      params: { key },
    });

  it("changes only for its owners and administrators: nobody else makes themselves owner", async () => {
    const created = await callJson(productsRoute.POST, {
      method: "POST",
      path: "/api/products",
      token: people.rm2.token,
      body: { key: "ledger", name: "Ledger", ownerIds: [people.rm2.id] },
    });
    expect(created.status).toBe(201);

    const takeover = await patch(people.rm, "ledger", { ownerIds: [people.rm.id] });
    expect([takeover.status, takeover.body.error?.code]).toEqual([403, "NOT_AN_OWNER"]);
    const rename = await patch(people.rm, "ledger", { name: "Mine now" });
    expect(rename.status).toBe(403);
    const approvers = await callJson(approversRoute.PUT, {
      method: "PUT",
      path: "/api/products/ledger/approvers/TEST",
      token: people.rm.token,
      body: { userIds: [people.qa.id] },
      params: { key: "ledger", stage: "TEST" },
    });
    expect(approvers.status).toBe(403);
    const unchanged = await db.prisma.product.findUniqueOrThrow({
      where: { key: "ledger" },
      include: { owners: true, approvers: true },
    });
    expect(unchanged.name).toBe("Ledger");
    expect(unchanged.owners.map((o) => o.userId)).toEqual([people.rm2.id]);
    expect(unchanged.approvers).toEqual([]);

    // The owner hands it over; an administrator may change any product.
    const handover = await patch(people.rm2, "ledger", { ownerIds: [people.rm2.id, people.rm.id] });
    expect(handover.status).toBe(200);
    expect((await patch(people.admin, "ledger", { ownerIds: [people.rm.id] })).status).toBe(200);
    expect((await patch(people.rm2, "ledger", { name: "Ledger 2" })).status).toBe(403);
  });

  it("without owners, is changed by administrators only", async () => {
    await db.prisma.product.create({ data: { key: "orphan", name: "Orphan" } });
    const claimed = await patch(people.rm, "orphan", { ownerIds: [people.rm.id] });
    expect([claimed.status, claimed.body.error?.code]).toEqual([403, "NOT_AN_OWNER"]);
    expect((await patch(people.admin, "orphan", { ownerIds: [people.rm.id] })).status).toBe(200);
  });
});

describe("sign-in throttling", () => {
  it("counts each attempt before the password is checked: 200 parallel guesses get 5 checks", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        codeOf(signInWithPassword({ email: people.qa.email, password: `guess number ${index}` })),
      ),
    );
    const counts = guesses.reduce<Record<string, number>>(
      (tally, code) => ({ ...tally, [code!]: (tally[code!] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({
      INVALID_CREDENTIALS: THROTTLE.emailLimit,
      TOO_MANY_ATTEMPTS: 200 - THROTTLE.emailLimit,
    });
    // Even the right password is refused now (the contract: blocked for 15 minutes).
    await db.prisma.user.update({
      where: { id: people.qa.id },
      data: { passwordHash: await hashFor("qa's own passphrase") },
    });
    expect(
      await codeOf(signInWithPassword({ email: people.qa.email, password: "qa's own passphrase" })),
    ).toBe("TOO_MANY_ATTEMPTS");
  }, 60_000);

  it("lets the person's own browser in while strangers' guesses lock their email", async () => {
    // qa's email is locked by the test above; qa signed in with this browser before.
    const cookie = knownDeviceCookie(people.qa.email, false).split(";")[0]!;
    const device = knownDeviceOf(cookie, people.qa.email);
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(knownDeviceOf(cookie, people.rm.email)).toBeNull(); // issued for another email
    expect(
      knownDeviceOf(
        cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        people.qa.email,
      ),
    ).toBeNull();
    const signedIn = await signInWithPassword({
      email: people.qa.email,
      password: "qa's own passphrase",
      device,
    });
    expect(signedIn.id).toBe(people.qa.id);
    // The device has a count of its own: guessing with it locks the device, not more.
    for (let i = 0; i < THROTTLE.deviceLimit; i++) {
      expect(
        await codeOf(signInWithPassword({ email: people.qa.email, password: "wrong", device })),
      ).toBe("INVALID_CREDENTIALS");
    }
    expect(
      await codeOf(
        signInWithPassword({ email: people.qa.email, password: "qa's own passphrase", device }),
      ),
    ).toBe("TOO_MANY_ATTEMPTS");
  }, 60_000);

  it("gives back a success to a shared client address, and forgets counts that are over", async () => {
    await db.prisma.signInThrottle.deleteMany();
    const client = "198.51.100.20";
    for (let i = 0; i < 3; i++) {
      await signInWithPassword({ email: people.rm.email, password: "rm's own passphrase!" }).catch(
        () => undefined,
      );
    }
    await db.prisma.user.update({
      where: { id: people.rm.id },
      data: { passwordHash: await hashFor("rm's own passphrase") },
    });
    for (let i = 0; i < THROTTLE.clientLimit + 5; i++) {
      await signInWithPassword({ email: people.rm.email, password: "rm's own passphrase", client });
    }
    const shared = await db.prisma.signInThrottle.findUniqueOrThrow({
      where: { key: `ip:${client}` },
    });
    expect(shared.failures).toBe(0);

    await db.prisma.signInThrottle.createMany({
      data: [
        { key: "email:old@test.local", failures: 3, windowStart: new Date(Date.now() - 3_600_000) },
        {
          key: "email:blocked@test.local",
          failures: 5,
          windowStart: new Date(Date.now() - 3_600_000),
          blockedUntil: new Date(Date.now() + 60_000),
        },
        { key: "email:recent@test.local", failures: 1, windowStart: new Date() },
      ],
    });
    expect(await pruneSignInThrottle()).toBeGreaterThanOrEqual(1);
    const left = (await db.prisma.signInThrottle.findMany()).map((row) => row.key);
    expect(left).not.toContain("email:old@test.local");
    expect(left).toEqual(
      expect.arrayContaining(["email:blocked@test.local", "email:recent@test.local"]),
    );
  }, 60_000);
});

async function hashFor(password: string): Promise<string> {
  const { hashPassword } = await import("@/lib/server/users/passwords");
  return hashPassword(password);
}

describe("account management", () => {
  it("needs a browser session: a token cannot mint tokens, read the feed or name a deputy", async () => {
    const minted = await callJson(myTokensRoute.POST, {
      method: "POST",
      path: "/api/me/tokens",
      token: people.rm.token,
      body: { name: "Escalation", scope: "write" },
    });
    expect([minted.status, minted.body.error?.code]).toEqual([403, "SESSION_REQUIRED"]);
    const feed = await callJson(calendarFeedRoute.GET, {
      path: "/api/me/calendar-feed",
      token: people.viewer.token,
    });
    expect([feed.status, feed.body.error?.code]).toEqual([403, "SESSION_REQUIRED"]);
    const deputy = await callJson(delegationsRoute.POST, {
      method: "POST",
      path: "/api/me/delegations",
      token: people.qa.token,
      body: { deputyId: people.rm.id, from: "2030-01-07", to: "2030-01-08" },
    });
    expect([deputy.status, deputy.body.error?.code]).toEqual([403, "SESSION_REQUIRED"]);
    expect(await db.prisma.apiToken.count({ where: { name: "Escalation" } })).toBe(0);

    // The same calls from a browser session go through.
    const fromBrowser = await callJson<{ token: string; expiresAt: string }>(myTokensRoute.POST, {
      method: "POST",
      path: "/api/me/tokens",
      cookie: people.rm.cookie,
      body: { name: "Pipeline", scope: "deploy" },
    });
    expect(fromBrowser.status).toBe(201);
    expect(fromBrowser.body.token).toMatch(/^rc_/);
    const feedUrl = await callJson<{ url: string }>(calendarFeedRoute.GET, {
      path: "/api/me/calendar-feed",
      cookie: people.viewer.cookie,
    });
    expect(feedUrl.status).toBe(200);
  });

  it("refuses a forged or revoked session cookie", async () => {
    const forged = people.rm.cookie.replace(/.{4}$/, "AAAA");
    const answer = await callJson(myTokensRoute.GET, { path: "/api/me/tokens", cookie: forged });
    expect(answer.status).toBe(401);
    const { cookie, sessionId } = await signedInCookie(people.rm);
    expect((await callJson(myTokensRoute.GET, { path: "/api/me/tokens", cookie })).status).toBe(
      200,
    );
    await db.prisma.userSession.update({
      where: { id: sessionId },
      data: { revokedAt: new Date() },
    });
    expect((await callJson(myTokensRoute.GET, { path: "/api/me/tokens", cookie })).status).toBe(
      401,
    );
  });

  it("gives every token a lifetime of at most the administrators' maximum", async () => {
    const create = (expiresAt?: string) =>
      callJson<{ expiresAt: string; error?: { code: string } }>(myTokensRoute.POST, {
        method: "POST",
        path: "/api/me/tokens",
        cookie: people.qa.cookie,
        body: { name: "CI", scope: "read", ...(expiresAt && { expiresAt }) },
      });
    expect(await getTokenMaxLifetimeDays()).toBe(365);
    const defaulted = await create();
    const days = (Date.parse(defaulted.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364.9);
    expect(days).toBeLessThanOrEqual(365);
    const tooFar = await create(new Date(Date.now() + 400 * 86_400_000).toISOString());
    expect([tooFar.status, tooFar.body.error?.code]).toEqual([422, "EXPIRY_TOO_FAR"]);

    await setTokenMaxLifetimeDays(people.admin, 30);
    const shorter = await create();
    expect(Date.parse(shorter.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    expect(await codeOf(setTokenMaxLifetimeDays(people.rm, 3650))).toBe("FORBIDDEN");
    await setTokenMaxLifetimeDays(people.admin, 365);
  });

  it("refuses a commonly breached password, at the API and for new users", async () => {
    const changed = await callJson<{ error: { code: string; details: unknown } }>(
      passwordRoute.POST,
      {
        method: "POST",
        path: "/api/me/password",
        cookie: people.viewer.cookie,
        body: { currentPassword: "not-used", newPassword: "Password1234!" },
      },
    );
    // The current password is wrong here, so that check speaks first; with the right one:
    expect(changed.status).toBe(422);
    await db.prisma.user.update({
      where: { id: people.viewer.id },
      data: { passwordHash: await hashFor("viewer's passphrase") },
    });
    const common = await callJson<{ error: { code: string; details: unknown } }>(
      passwordRoute.POST,
      {
        method: "POST",
        path: "/api/me/password",
        cookie: people.viewer.cookie,
        body: { currentPassword: "viewer's passphrase", newPassword: "Password1234!" },
      },
    );
    expect(common.status).toBe(400);
    expect(common.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { issues: [{ path: "newPassword", message: expect.stringMatching(/breached/) }] },
    });
    const user = await callJson(usersRoute.POST, {
      method: "POST",
      path: "/api/users",
      token: people.admin.token,
      body: { email: "iris@test.local", name: "Iris", role: "QA", password: "iloveyou123456" },
    });
    expect(user.status).toBe(400);
    expect(await db.prisma.user.count({ where: { email: "iris@test.local" } })).toBe(0);
  });
});

describe("a forced password reset", () => {
  it("can also revoke the person's API tokens and calendar feed", async () => {
    const person = await createUser(db.prisma, "RELEASE_MANAGER", "Taken Over");
    const token = await issueTestToken(db.prisma, person.email);
    const { getOrCreateFeedUrl } = await import("@/lib/server/calendar-feed/feed-tokens");
    const feedToken = new URL(
      await getOrCreateFeedUrl(person, "http://localhost"),
    ).searchParams.get("token")!;
    const reset = (body?: unknown) =>
      callJson(passwordResetRoute.POST, {
        method: "POST",
        path: `/api/users/${person.id}/password-reset`,
        token: people.admin.token,
        params: { id: person.id },
        ...(body !== undefined && { body }),
      });

    expect((await reset()).status).toBe(200);
    expect(await authenticateApiToken(token)).not.toBeNull(); // a plain reset keeps them
    expect((await userOfFeedToken(feedToken)).id).toBe(person.id);

    expect((await reset({ revokeAccess: true })).status).toBe(200);
    expect(await authenticateApiToken(token)).toBeNull();
    expect(await codeOf(userOfFeedToken(feedToken))).toBe("NOT_FOUND");
    expect((await reset({ revokeAccess: "yes" })).status).toBe(400);
  });
});

describe("a deployment's deliveryId", () => {
  it("belongs to its reporter: another reporter's same key is another record", async () => {
    const release = await newRelease(people.rm);
    const report = (who: Person) =>
      callJson<{ id: string; releaseId: string }>(deploymentsRoute.POST, {
        method: "POST",
        path: "/api/deployments",
        token: who.token,
        body: {
          environment: "DEV",
          version: release.version,
          status: "SUCCEEDED",
          deliveryId: "build-42",
        },
      });
    const first = await report(people.qa);
    expect(first.status).toBe(201);
    const again = await report(people.qa);
    expect([again.status, again.body.id]).toEqual([200, first.body.id]);
    const other = await report(people.rm);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });
});

describe("demo data on a real PostgreSQL", () => {
  it("gets no public password: one-time links instead, unless told it is a throwaway", async () => {
    const postgres = readEnv({ DATABASE_URL: "postgresql://app@db/rc", SEED_DEMO: "1" });
    expect(demoPasswordsFor(postgres)).toEqual({ kind: "links", origin: "http://localhost:3000" });
    const throwaway = readEnv({
      DATABASE_URL: "postgresql://x@db/t",
      SEED_DEMO: "public-passwords",
    });
    expect(demoPasswordsFor(throwaway)).toEqual({ kind: "public" });
    expect(demoPasswordsFor(readEnv({}))).toEqual({ kind: "public" });

    const seeded = await createTestDatabase();
    try {
      const result = await seedDemoData(seeded.prisma, {
        today: "2027-03-10",
        passwords: { kind: "links", origin: "https://rc.example.com" },
      });
      expect(result.passwordLinks!.map((link) => link.email)).toEqual(
        DEMO_USERS.map((user) => user.email),
      );
      expect(await seeded.prisma.user.count({ where: { passwordHash: { not: null } } })).toBe(0);
      expect(
        await codeOf(signInWithPassword({ email: "admin@demo.local", password: "demo-admin" })),
      ).toBe("INVALID_CREDENTIALS");
      const link = result.passwordLinks!.find((l) => l.email === "admin@demo.local")!;
      expect(link.url).toMatch(/^https:\/\/rc\.example\.com\/set-password\?token=/);
      const token = new URL(link.url).searchParams.get("token")!;
      await setPasswordWithLink(token, "the admin's own passphrase");
      expect(
        await signInWithPassword({
          email: "admin@demo.local",
          password: "the admin's own passphrase",
        }),
      ).toMatchObject({ role: "ADMIN" });
    } finally {
      await seeded.close();
      // The seeded database replaced this file's in the process-wide client: give it back.
      const { setDb } = await import("@/lib/server/db/client");
      setDb(db.prisma);
    }
  }, 120_000);
});

describe("error logs", () => {
  it("name the path only, never a query string that can carry a secret", () => {
    const fields = requestErrorFields(
      new Error("boom"),
      { path: "/set-password?token=secret-link-token", method: "GET", headers: {} },
      { routePath: "/set-password", routeType: "render" },
    );
    expect(fields).toMatchObject({ path: "/set-password", route: "/set-password" });
    expect(JSON.stringify(fields)).not.toContain("secret-link-token");
  });
});

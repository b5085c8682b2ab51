// People and access through the routes of docs/API.md: users, one-time password links, own
// password, API tokens with their scopes, deactivation cutting everything off, the last admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as calendarIcsRoute from "@/app/api/calendar.ics/route";
import * as myPasswordRoute from "@/app/api/me/password/route";
import * as myTokenRoute from "@/app/api/me/tokens/[id]/route";
import * as myTokensRoute from "@/app/api/me/tokens/route";
import * as releasesRoute from "@/app/api/releases/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as passwordResetRoute from "@/app/api/users/[id]/password-reset/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as usersRoute from "@/app/api/users/route";
import { isAppError } from "@/lib/errors";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { setPasswordWithLink } from "@/lib/server/users/password-links";
import { startSession, userOfSession } from "@/lib/server/users/sessions";
import { signInWithPassword } from "@/lib/server/users/sign-in-with-password";
import { signInWithSso } from "@/lib/server/users/sign-in-with-sso";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let adminToken: string;
let viewerToken: string;

type Handler = (request: Request, context: never) => Promise<Response>;

async function call(
  handler: Handler,
  options: {
    method?: string;
    path: string;
    token?: string;
    /** A browser session instead of a token (account routes take only that). */
    cookie?: string;
    body?: unknown;
    params?: Record<string, string>;
  },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`http://localhost${options.path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
    { params: Promise.resolve(options.params ?? {}) } as never,
  );
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return {
    status: response.status,
    body: isJson && text ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

function codeOf(body: unknown): string {
  return (body as { error: { code: string } }).error.code;
}

async function userByEmail(email: string): Promise<SessionUser> {
  return db.prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
  adminToken = await issueTestToken(db.prisma, "admin@demo.local");
  viewerToken = await issueTestToken(db.prisma, "viewer@demo.local", "read");
});
afterAll(() => db.close());

describe("user administration", () => {
  it("creates a user with a password, who can sign in at once; the change is audited", async () => {
    const { status, body, headers } = await call(usersRoute.POST, {
      method: "POST",
      path: "/api/users",
      token: adminToken,
      body: {
        email: " Nina.Novak@Example.com ",
        name: "Nina Novak",
        role: "QA",
        password: "a long enough secret",
      },
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      email: "nina.novak@example.com",
      name: "Nina Novak",
      role: "QA",
      isActive: true,
      hasPassword: true,
      hasSso: false,
      lastSignInAt: null,
      createdAt: expect.any(String),
    });
    expect(headers.get("location")).toBe(`/api/users/${(body as { id: string }).id}`);
    expect(
      await signInWithPassword({
        email: "nina.novak@example.com",
        password: "a long enough secret",
      }),
    ).toMatchObject({ role: "QA" });
    const admin = await userByEmail("admin@demo.local");
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "USER_CREATED", subjectUserId: (body as { id: string }).id },
    });
    expect(event).toMatchObject({
      actorId: admin.id,
      after: { email: "nina.novak@example.com", role: "QA" },
    });
  });

  it("creates a user without a password with a one-time link valid 7 days, which works once", async () => {
    const { status, body } = await call(usersRoute.POST, {
      method: "POST",
      path: "/api/users",
      token: adminToken,
      body: { email: "omar@example.com", name: "Omar Okafor", role: "RELEASE_MANAGER" },
    });
    expect(status).toBe(201);
    const { setPasswordUrl, hasPassword } = body as {
      setPasswordUrl: string;
      hasPassword: boolean;
    };
    expect(hasPassword).toBe(false);
    expect(setPasswordUrl).toMatch(/^http:\/\/localhost\/set-password\?token=[\w-]{40,}$/);
    const link = await db.prisma.passwordToken.findFirstOrThrow({
      where: { user: { email: "omar@example.com" } },
    });
    const days = (link.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const token = new URL(setPasswordUrl).searchParams.get("token")!;
    expect(await setPasswordWithLink(token, "omar's new passphrase")).toBe("omar@example.com");
    expect(
      await signInWithPassword({ email: "omar@example.com", password: "omar's new passphrase" }),
    ).toBeTruthy();
    await expect(setPasswordWithLink(token, "another passphrase")).rejects.toMatchObject({
      code: "LINK_EXPIRED",
    });
  });

  it("refuses a taken email (409), bad input (400) and a short password (400), writing nothing", async () => {
    const before = await db.prisma.user.count();
    const taken = await call(usersRoute.POST, {
      method: "POST",
      path: "/api/users",
      token: adminToken,
      body: { email: "QA@demo.local", name: "Copy", role: "QA" },
    });
    expect([taken.status, codeOf(taken.body)]).toEqual([409, "EMAIL_TAKEN"]);
    for (const body of [
      { email: "not-an-email", name: "X", role: "QA" },
      { email: "x@example.com", name: "", role: "QA" },
      { email: "x@example.com", name: "X", role: "OWNER" },
      { email: "x@example.com", name: "X", role: "QA", password: "short" },
      { email: "x@example.com", name: "X", role: "QA", password: "x".repeat(73) },
      { email: "x@example.com", name: "X", role: "QA", admin: true },
    ]) {
      const refused = await call(usersRoute.POST, {
        method: "POST",
        path: "/api/users",
        token: adminToken,
        body,
      });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect(await db.prisma.user.count()).toBe(before);
  });

  it("lists every field for admins (search, role, active filters, paging) and names only for others", async () => {
    const all = await call(usersRoute.GET, { path: "/api/users?role=QA", token: adminToken });
    expect(all.status).toBe(200);
    expect((all.body as { role: string }[]).every((u) => u.role === "QA")).toBe(true);
    expect(all.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: "qa@demo.local", isActive: true })]),
    );

    const found = await call(usersRoute.GET, { path: "/api/users?q=ravi", token: adminToken });
    expect((found.body as { email: string }[]).map((u) => u.email)).toEqual(["rm2@demo.local"]);

    const first = await call(usersRoute.GET, { path: "/api/users?limit=2", token: adminToken });
    const total = Number(first.headers.get("x-total-count"));
    expect(total).toBeGreaterThan(4);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")![1]!;
    const second = await call(usersRoute.GET, {
      path: new URL(next).pathname + new URL(next).search,
      token: adminToken,
    });
    expect(second.body).toHaveLength(2);
    expect((second.body as { id: string }[])[0]!.id).not.toBe(
      (first.body as { id: string }[])[0]!.id,
    );

    const forViewer = await call(usersRoute.GET, { path: "/api/users", token: viewerToken });
    expect(forViewer.status).toBe(200);
    for (const person of forViewer.body as Record<string, unknown>[]) {
      expect(Object.keys(person).sort()).toEqual(["email", "id", "name", "role"]);
    }
    const bad = await call(usersRoute.GET, { path: "/api/users?limit=5000", token: adminToken });
    expect(bad.status).toBe(400);
    const badCursor = await call(usersRoute.GET, {
      path: "/api/users?cursor=nope",
      token: adminToken,
    });
    expect(badCursor.status).toBe(400);
  });

  it("changes name and role with the old and new value in the audit trail", async () => {
    const person = await userByEmail("viewer@demo.local");
    const { status, body } = await call(userRoute.PATCH, {
      method: "PATCH",
      path: `/api/users/${person.id}`,
      token: adminToken,
      params: { id: person.id },
      body: { role: "QA", name: "Victor V. Vance" },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: "QA", name: "Victor V. Vance" });
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "USER_UPDATED", subjectUserId: person.id },
      orderBy: { id: "desc" },
    });
    expect(event.before).toEqual({ name: "Victor Vance", role: "VIEWER" });
    expect(event.after).toEqual({ name: "Victor V. Vance", role: "QA" });
    await db.prisma.user.update({
      where: { id: person.id },
      data: { role: "VIEWER", name: "Victor Vance" },
    });
  });

  it("keeps the last active admin: neither demoted nor deactivated (409 LAST_ADMIN)", async () => {
    const admin = await userByEmail("admin@demo.local");
    for (const body of [{ role: "QA" }, { isActive: false }]) {
      const refused = await call(userRoute.PATCH, {
        method: "PATCH",
        path: `/api/users/${admin.id}`,
        token: adminToken,
        params: { id: admin.id },
        body,
      });
      expect([refused.status, codeOf(refused.body)]).toEqual([409, "LAST_ADMIN"]);
    }
    const unknown = await call(userRoute.PATCH, {
      method: "PATCH",
      path: "/api/users/not-a-uuid",
      token: adminToken,
      params: { id: "not-a-uuid" },
      body: { name: "X" },
    });
    expect(unknown.status).toBe(404);
  });
});

describe("deactivation", () => {
  it("cuts a user off at the next request: session, API token and calendar feed", async () => {
    const person = await userByEmail("qa2@demo.local");
    const sessionId = await startSession({ userId: person.id, method: "PASSWORD" });
    const token = await issueTestToken(db.prisma, person.email);
    const feed = new URL(await getOrCreateFeedUrl(person, "http://localhost"));
    expect(await userOfSession(sessionId, person.id)).toMatchObject({ email: person.email });
    expect((await call(releasesRoute.GET, { path: "/api/releases?limit=1", token })).status).toBe(
      200,
    );
    expect((await call(calendarIcsRoute.GET, { path: feed.pathname + feed.search })).status).toBe(
      200,
    );

    const { status } = await call(userRoute.PATCH, {
      method: "PATCH",
      path: `/api/users/${person.id}`,
      token: adminToken,
      params: { id: person.id },
      body: { isActive: false },
    });
    expect(status).toBe(200);
    expect(await userOfSession(sessionId, person.id)).toBeNull();
    expect((await call(releasesRoute.GET, { path: "/api/releases", token })).status).toBe(401);
    expect((await call(calendarIcsRoute.GET, { path: feed.pathname + feed.search })).status).toBe(
      404,
    );
    await expect(
      signInWithPassword({ email: person.email, password: "demo-qa2" }),
    ).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });

    await call(userRoute.PATCH, {
      method: "PATCH",
      path: `/api/users/${person.id}`,
      token: adminToken,
      params: { id: person.id },
      body: { isActive: true },
    });
    expect((await call(releasesRoute.GET, { path: "/api/releases?limit=1", token })).status).toBe(
      200,
    );
    // A reactivated user signs in again: the old session stays ended.
    expect(await userOfSession(sessionId, person.id)).toBeNull();
  });
});

describe("passwords", () => {
  it("changes one's own password with the current one (12 to 72 bytes)", async () => {
    const { cookie } = await signedInCookie(await userByEmail("rm2@demo.local"));
    const change = (body: unknown) =>
      call(myPasswordRoute.POST, { method: "POST", path: "/api/me/password", cookie, body });
    const wrong = await change({ currentPassword: "not it", newPassword: "a fine new passphrase" });
    expect([wrong.status, codeOf(wrong.body)]).toEqual([422, "WRONG_PASSWORD"]);
    expect((await change({ currentPassword: "demo-rm2", newPassword: "too short" })).status).toBe(
      400,
    );
    expect(
      (await change({ currentPassword: "demo-rm2", newPassword: "ü".repeat(37) })).status,
    ).toBe(400);
    expect(
      (await change({ currentPassword: "demo-rm2", newPassword: "a fine new passphrase" })).status,
    ).toBe(204);
    expect(
      await signInWithPassword({ email: "rm2@demo.local", password: "a fine new passphrase" }),
    ).toBeTruthy();
    await expect(
      signInWithPassword({ email: "rm2@demo.local", password: "demo-rm2" }),
    ).rejects.toBeTruthy();
    await db.prisma.signInThrottle.deleteMany();
  });

  it("lets an admin force a reset: the old password stops, sessions end, a link sets a new one", async () => {
    const person = await userByEmail("rm@demo.local");
    const sessionId = await startSession({ userId: person.id, method: "PASSWORD" });
    const { status, body } = await call(passwordResetRoute.POST, {
      method: "POST",
      path: `/api/users/${person.id}/password-reset`,
      token: adminToken,
      params: { id: person.id },
    });
    expect(status).toBe(200);
    expect(await userOfSession(sessionId, person.id)).toBeNull();
    const failed = await signInWithPassword({ email: person.email, password: "demo-rm" }).catch(
      (e) => e,
    );
    expect(isAppError(failed) && failed.code).toBe("INVALID_CREDENTIALS");
    const token = new URL((body as { setPasswordUrl: string }).setPasswordUrl).searchParams.get(
      "token",
    )!;
    await setPasswordWithLink(token, "rita's reset passphrase");
    expect(
      await signInWithPassword({ email: person.email, password: "rita's reset passphrase" }),
    ).toBeTruthy();
    await db.prisma.signInThrottle.deleteMany();
  });
});

describe("API tokens", () => {
  it("are created with an rc_ secret shown once, listed without it, and revoked", async () => {
    const qa = await signedInCookie(await userByEmail("qa@demo.local"));
    const admin = await signedInCookie(await userByEmail("admin@demo.local"));
    const expiry = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const created = await call(myTokensRoute.POST, {
      method: "POST",
      path: "/api/me/tokens",
      cookie: qa.cookie,
      body: { name: "GitLab deploy job", scope: "deploy", expiresAt: expiry },
    });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    expect(token).toMatch(/^rc_[\w-]{40,}$/);
    expect(created.body).toMatchObject({
      name: "GitLab deploy job",
      scope: "deploy",
      expiresAt: `${expiry}T23:59:59.999Z`,
      lastUsedAt: null,
    });

    const listed = await call(myTokensRoute.GET, { path: "/api/me/tokens", cookie: qa.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, name: "GitLab deploy job" })]),
    );
    const asAdmin = await call(tokensRoute.GET, { path: "/api/tokens", token: adminToken });
    expect(asAdmin.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, owner: expect.objectContaining({ email: "qa@demo.local" }) }),
      ]),
    );

    // Someone else's token is not found; the owner revokes it and it answers 401.
    const foreign = await call(myTokenRoute.DELETE, {
      method: "DELETE",
      path: `/api/me/tokens/${id}`,
      cookie: admin.cookie,
      params: { id },
    });
    expect(foreign.status).toBe(404);
    const revoked = await call(myTokenRoute.DELETE, {
      method: "DELETE",
      path: `/api/me/tokens/${id}`,
      cookie: qa.cookie,
      params: { id },
    });
    expect(revoked.status).toBe(204);
    expect((await call(releasesRoute.GET, { path: "/api/releases", token })).status).toBe(401);
  });

  it("enforce their scope on every route: read reads, deploy only reports deployments", async () => {
    const read = await issueTestToken(db.prisma, "rm2@demo.local", "read");
    const deploy = await issueTestToken(db.prisma, "rm2@demo.local", "deploy");
    expect(
      (await call(releasesRoute.GET, { path: "/api/releases?limit=1", token: read })).status,
    ).toBe(200);
    const body = { name: "Scoped", version: "scoped:1.0.0", type: "RELEASE", goLive: "2027-06-15" };
    const refused = await call(releasesRoute.POST, {
      method: "POST",
      path: "/api/releases",
      token: read,
      body,
    });
    expect([refused.status, codeOf(refused.body)]).toEqual([403, "TOKEN_SCOPE"]);
    const deployRead = await call(releasesRoute.GET, { path: "/api/releases", token: deploy });
    expect([deployRead.status, codeOf(deployRead.body)]).toEqual([403, "TOKEN_SCOPE"]);
    const tokenByRead = await call(myTokensRoute.POST, {
      method: "POST",
      path: "/api/me/tokens",
      token: read,
      body: { name: "Escalate", scope: "write" },
    });
    expect(tokenByRead.status).toBe(403);
  });

  it("lets a viewer create read tokens only, and refuses a past expiry", async () => {
    const viewer = await signedInCookie(await userByEmail("viewer@demo.local"));
    const create = (body: unknown) =>
      call(myTokensRoute.POST, {
        method: "POST",
        path: "/api/me/tokens",
        cookie: viewer.cookie,
        body,
      });
    expect(codeOf((await create({ name: "x", scope: "write" })).body)).toBe("SCOPE_NOT_ALLOWED");
    expect((await create({ name: "x", scope: "read" })).status).toBe(201);
    expect((await create({ name: "x", scope: "read", expiresAt: "2001-01-01" })).status).toBe(422);
    expect((await create({ name: "x", scope: "admin" })).status).toBe(400);
  });
});

describe("request bodies", () => {
  it("are refused with 413 past 1 MB even when sent without a length, writing nothing", async () => {
    const before = await db.prisma.user.count();
    const chunk = new TextEncoder().encode(
      `{"email": "big@example.com", "name": "${"x".repeat(600_000)}`,
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await usersRoute.POST(
      new Request("http://localhost/api/users", {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit),
      undefined as never,
    );
    expect(response.status).toBe(413);
    expect(codeOf(await response.json())).toBe("PAYLOAD_TOO_LARGE");
    expect(await db.prisma.user.count()).toBe(before);
  });
});

describe("single sign-on", () => {
  const identity = (subject: string, groups: string[], email = `${subject}@sso.example`) => ({
    issuer: "https://login.example.com",
    subject,
    email,
    name: "Sam Single",
    claims: { groups, email_verified: true },
  });

  it("creates the user at the first sign-in with the role of the groups, then follows the claim", async () => {
    const first = await signInWithSso(identity("sam-1", ["staff", "rc-qa"]));
    expect(first).toMatchObject({ email: "sam-1@sso.example", name: "Sam Single", role: "QA" });
    const again = await signInWithSso(identity("sam-1", ["rc-qa", "rc-admins"]));
    expect(again).toMatchObject({ id: first!.id, role: "ADMIN" });
    const change = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "USER_UPDATED", subjectUserId: first!.id },
    });
    expect(change).toMatchObject({ before: { role: "QA" }, after: { role: "ADMIN" } });
    expect(await signInWithSso(identity("sam-1", ["staff"]))).toMatchObject({ role: "VIEWER" });
  });

  it("links an existing account by its verified email, and refuses a deactivated one", async () => {
    const linked = await signInWithSso(identity("qa-sso", ["rc-qa"], "qa@demo.local"));
    expect(linked).toMatchObject({ email: "qa@demo.local", role: "QA" });
    expect(
      (await db.prisma.user.findUniqueOrThrow({ where: { email: "qa@demo.local" } })).oidcSubject,
    ).toBe("https://login.example.com|qa-sso");
    await db.prisma.user.update({ where: { email: "qa@demo.local" }, data: { isActive: false } });
    expect(await signInWithSso(identity("qa-sso", ["rc-qa"], "qa@demo.local"))).toBeNull();
    await db.prisma.user.update({ where: { email: "qa@demo.local" }, data: { isActive: true } });
  });

  it("does not link by an email the provider has not verified", async () => {
    const unverified = await signInWithSso({
      ...identity("mallory", ["rc-admins"], "admin@demo.local"),
      claims: { groups: ["rc-admins"], email_verified: false },
    });
    // admin@demo.local exists: the unverified identity neither links to it nor creates a duplicate.
    expect(unverified).toBeNull();
    // A provider that says nothing about verification has not verified it either.
    const silent = await signInWithSso({
      ...identity("mallory", ["rc-admins"], "admin@demo.local"),
      claims: { groups: ["rc-admins"] },
    });
    expect(silent).toBeNull();
    expect(await db.prisma.user.count({ where: { oidcSubject: { contains: "mallory" } } })).toBe(0);
  });

  it("does not link an account that another identity already signs in to", async () => {
    // qa@demo.local was linked to the identity qa-sso above.
    expect(await signInWithSso(identity("qa-imposter", ["rc-admins"], "qa@demo.local"))).toBeNull();
    const qa = await db.prisma.user.findUniqueOrThrow({ where: { email: "qa@demo.local" } });
    expect([qa.oidcSubject, qa.role]).toEqual(["https://login.example.com|qa-sso", "QA"]);
  });

  it("never demotes the last active administrator, whatever the groups say", async () => {
    const admin = await signInWithSso(identity("boss", ["rc-admins"], "admin@demo.local"));
    expect(admin).toMatchObject({ role: "ADMIN" });
    const others = await db.prisma.user.findMany({
      where: { role: "ADMIN", isActive: true, id: { not: admin!.id } },
      select: { id: true },
    });
    await db.prisma.user.updateMany({
      where: { id: { in: others.map((o) => o.id) } },
      data: { isActive: false },
    });
    try {
      expect(await signInWithSso(identity("boss", ["staff"], "admin@demo.local"))).toMatchObject({
        role: "ADMIN",
      });
    } finally {
      await db.prisma.user.updateMany({
        where: { id: { in: others.map((o) => o.id) } },
        data: { isActive: true },
      });
    }
    // With another active administrator, the claim applies.
    const deputyAdmin = await db.prisma.user.create({
      data: { email: "second-admin@test.local", name: "Second Admin", role: "ADMIN" },
    });
    expect(await signInWithSso(identity("boss", ["staff"], "admin@demo.local"))).toMatchObject({
      role: "VIEWER",
    });
    await db.prisma.user.update({ where: { id: admin!.id }, data: { role: "ADMIN" } });
    await db.prisma.user.update({ where: { id: deputyAdmin.id }, data: { isActive: false } });
  });
});

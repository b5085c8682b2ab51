// Production servers for real (scripts/start.ts, which builds the app when its sources changed;
// one file, so that two builds never race). Several instances behind a load balancer on one
// PostgreSQL: a session made on one works on the other and ends on both; two people approving one
// stage through the two instances at once give exactly one transition; sign-in failures count across
// both (PostgreSQL only, as in CI: PGlite is one process' own database). Hostile requests, with a
// browser's session cookie, to every operation and every page. And a server stopped with
// SIGTERM: the requests in flight are answered, then the database is closed properly (the embedded
// one checkpointed and unlocked) before the process exits.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ROLES, type Role } from "@/lib/domain/stages";
import { OPERATIONS, type Operation } from "@/lib/http/openapi";
import { PERMISSIONS } from "@/lib/permissions";
import { openPglite } from "@/lib/server/db/config";
import { lockFileOf } from "@/lib/server/db/pglite-lock";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { THROTTLE } from "@/lib/server/users/sign-in-throttle";
import type { SessionUser } from "@/lib/types/user";

import { sessionCookie } from "../../bench/server";
import { issueTestToken } from "../support/api-tokens";
import { newRelease } from "../support/factories";
import { encode, hostileBody, hostileQuery, hostileText } from "../support/hostile";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const isPostgres = inject("testDatabase").kind === "postgres";
const ROOT = path.resolve(import.meta.dirname, "../..");
const PORTS = [3231, 3232] as const;
const SECRET = randomBytes(32).toString("base64url");
const servers: ChildProcess[] = [];
const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);

/** Starts `npm start` as the app's users do; resolves when it answers /api/ready. */
async function startServer(
  port: number,
  env: Record<string, string>,
  output: "ignore" | "pipe" = "ignore",
): Promise<ChildProcess> {
  // node itself (not npx), so that a signal reaches scripts/start.ts, which passes it to the server.
  const server = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXTAUTH_SECRET: SECRET,
        PORT: String(port),
        HOST: "127.0.0.1",
        NOTIFICATIONS_WORKER: "false",
        LOG_LEVEL: "warn",
        TZ: "UTC",
        ...env,
      },
      stdio: ["ignore", output, "inherit"],
      detached: true,
    },
  );
  servers.push(server);
  const deadline = Date.now() + 400_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server on ${port} exited`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server on ${port} did not become ready`);
}

/** Waits for a condition that another process makes true (checked every 50 ms, for at most a minute). */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exitOf(server: ChildProcess): Promise<number | null> {
  if (server.exitCode !== null || server.signalCode !== null)
    return Promise.resolve(server.exitCode);
  return new Promise((resolve) => server.once("exit", (code) => resolve(code)));
}

/** Stops every server this file started (and what they started). */
async function stopServers(): Promise<void> {
  const running = servers.splice(0);
  for (const server of running) {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await Promise.all(running.map(exitOf));
}

afterAll(stopServers);

async function me(base: string, cookie: string): Promise<number> {
  const response = await fetch(`${base}/api/me/sessions`, { headers: { cookie } });
  await response.arrayBuffer();
  return response.status;
}

describe.skipIf(!isPostgres)("two app instances on one database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma);
    const env = { DATABASE_URL: db.url!, SEED_DEMO: "" };
    await startServer(PORTS[0], env); // builds first when needed; the second reuses the build
    await startServer(PORTS[1], env);
  }, 480_000);
  afterAll(async () => {
    await stopServers();
    await db.close();
  });

  it("a session made on one instance works on the other, and ended on one it ends on both", async () => {
    const first = await sessionCookie(bases[0]!, "viewer");
    expect(await me(bases[0]!, first)).toBe(200);
    expect(await me(bases[1]!, first)).toBe(200);
    // A second session, made on the other instance, signs the first one out from there.
    const second = await sessionCookie(bases[1]!, "viewer");
    const sessions = (await (
      await fetch(`${bases[1]}/api/me/sessions`, { headers: { cookie: second } })
    ).json()) as { id: string; createdAt: string }[];
    expect(sessions).toHaveLength(2);
    const older = [...sessions].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
    const ended = await fetch(`${bases[1]}/api/me/sessions/${older.id}`, {
      method: "DELETE",
      headers: { cookie: second, origin: bases[1]! },
    });
    expect(ended.status).toBe(204);
    expect(await me(bases[0]!, first)).toBe(401);
    expect(await me(bases[1]!, first)).toBe(401);
    expect(await me(bases[0]!, second)).toBe(200);
  });

  it("two people approving one stage through the two instances at once: one transition", async () => {
    const rm = await db.prisma.user.findUniqueOrThrow({
      where: { email: "rm@demo.local" },
      select: { id: true, email: true, name: true, role: true },
    });
    const release = await newRelease(rm as SessionUser);
    const tokens = await Promise.all(
      ["qa@demo.local", "qa2@demo.local"].map((email) => issueTestToken(db.prisma, email)),
    );
    const answers = await Promise.all(
      tokens.map((token, i) =>
        fetch(`${bases[i]}/api/releases/${release.id}/stages/DEV/signoff`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ decision: "APPROVE" }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const dev = await db.prisma.stageWindow.findUniqueOrThrow({
      where: { releaseId_key: { releaseId: release.id, key: "DEV" } },
      include: { approvals: true },
    });
    expect(dev.status).toBe("SIGNED_OFF");
    expect(dev.approvals).toHaveLength(1);
    const signedOff = await db.prisma.auditEvent.count({
      where: { releaseId: release.id, action: "STAGE_SIGNED_OFF" },
    });
    expect(signedOff).toBe(1);
  });

  it("sign-in failures count across the instances", async () => {
    const attempt = async (base: string, password: string) => {
      try {
        await sessionCookie(base, "qa2", password);
        return "OK";
      } catch {
        return "REFUSED";
      }
    };
    for (let i = 0; i < THROTTLE.emailLimit; i++)
      expect(await attempt(bases[i % 2]!, "wrong password")).toBe("REFUSED");
    // Both instances now refuse even the right password.
    expect(await attempt(bases[0]!, "demo-qa2")).toBe("REFUSED");
    expect(await attempt(bases[1]!, "demo-qa2")).toBe("REFUSED");
    const row = await db.prisma.signInThrottle.findUniqueOrThrow({
      where: { key: "email:qa2@demo.local" },
    });
    expect(row.failures).toBeGreaterThanOrEqual(THROTTLE.emailLimit);
  });
});

describe("hostile input through the real HTTP server, with a browser's session cookie", () => {
  // In-process, tests/integration/fuzz.test.ts reaches every use case; here the same hostile input
  // goes through what only a running server has: the front door (proxy.ts), the session cookie
  // read from the request, the same-origin check of cookie writes, and the pages themselves.
  const port = 3234;
  const base = `http://127.0.0.1:${port}`;
  const work = mkdtempSync(path.join(tmpdir(), "rc-http-fuzz-"));
  const cookies = {} as Record<Role, string>;
  const realValues: string[] = [];
  let db: TestDatabase | undefined;
  const runs = Number(process.env.FUZZ_HTTP_RUNS ?? 6);

  beforeAll(async () => {
    let env: Record<string, string>;
    if (isPostgres) {
      db = await createTestDatabase();
      await seedDemoData(db.prisma);
      env = { DATABASE_URL: db.url!, SEED_DEMO: "" };
    } else {
      env = { PGLITE_DIR: path.join(work, "pglite") }; // npm start seeds the embedded demo
    }
    await startServer(port, env);
    for (const [role, who] of [
      ["ADMIN", "admin"],
      ["RELEASE_MANAGER", "rm"],
      ["QA", "qa"],
      ["VIEWER", "viewer"],
    ] as const) {
      cookies[role] = await sessionCookie(base, who);
    }
    const releases = (await (
      await fetch(`${base}/api/releases?limit=3`, { headers: { cookie: cookies.VIEWER } })
    ).json()) as { id: string; version: string; product: { key: string } }[];
    realValues.push(...releases.flatMap((r) => [r.id, r.version, r.product.key]));
  }, 480_000);
  afterAll(async () => {
    await stopServers();
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** The first role an operation allows (public ones: a viewer), signed in at a browser. */
  function cookieFor(operation: Operation): string {
    if (operation.access === "public" || operation.access === "feed-token") return cookies.VIEWER;
    const roles = PERMISSIONS[operation.access].roles as readonly Role[];
    return cookies[ROLES.find((role) => roles.includes(role))!];
  }

  const operations = OPERATIONS.filter((operation) => !operation.path.startsWith("/api/auth/"));

  it.each(
    operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const),
  )(
    "%s never answers 5xx",
    async (_name, operation) => {
      const paramNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(...paramNames.map(() => hostileText(realValues)), fc.constant(null)),
          hostileQuery(operation, realValues),
          hostileBody(operation, realValues),
          async (values, query, body) => {
            const path = paramNames.reduce(
              (text, name, index) => text.replace(`{${name}}`, encode(values[index] as string)),
              operation.path,
            );
            const response = await fetch(`${base}${path}${query}`, {
              method: operation.method,
              redirect: "manual",
              headers: {
                cookie: cookieFor(operation),
                origin: base,
                ...(body !== undefined && { "content-type": "application/json" }),
              },
              body,
            });
            const text = await response.text();
            expect(
              response.status,
              `${operation.method} ${path}${query} ${body ?? ""}: ${text}`,
            ).toBeLessThan(500);
            // A refusal of the app is its JSON envelope (Node's own 400 for a broken request line is not).
            if (response.headers.get("content-type")?.includes("json") && response.status >= 400) {
              expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String) } });
            }
          },
        ),
        { numRuns: runs, endOnFailure: true },
      );
    },
    120_000,
  );

  const PAGES = [
    "/",
    "/timeline",
    "/calendar",
    "/environments",
    "/releases",
    "/releases/new",
    "/releases/{id}",
    "/releases/{id}/edit",
    "/approvals",
    "/reports",
    "/plan",
    "/products",
    "/products/{key}",
    "/profile",
    "/api-docs",
    "/admin/users",
    "/admin/tokens",
    "/admin/stages",
    "/admin/calendar",
    "/admin/general",
    "/admin/notifications",
    "/signin",
    "/set-password",
  ];
  const PAGE_PARAMETERS = [
    "from",
    "to",
    "zoom",
    "product",
    "type",
    "status",
    "region",
    "q",
    "environment",
    "group",
    "sort",
    "page",
    "parent",
    "goLive",
    "start",
    "token",
    "callbackUrl",
    "error",
    "zz",
  ];

  it.each(PAGES)(
    "the page %s never answers 5xx, whatever its address carries",
    async (page) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constantFrom(...realValues), hostileText(realValues)),
          fc.array(fc.tuple(fc.constantFrom(...PAGE_PARAMETERS), hostileText(realValues)), {
            maxLength: 4,
          }),
          fc.constantFrom("ADMIN", "RELEASE_MANAGER", "QA", "VIEWER") as fc.Arbitrary<Role>,
          async (id, pairs, role) => {
            const path = page.replace(/\{\w+\}/, encode(id));
            const query = pairs.map(([key, value]) => `${key}=${encode(value)}`).join("&");
            const response = await fetch(`${base}${path}${query ? `?${query}` : ""}`, {
              redirect: "manual",
              headers: { cookie: cookies[role] },
            });
            await response.arrayBuffer();
            expect(response.status, `${role} ${path}?${query}`).toBeLessThan(500);
          },
        ),
        { numRuns: runs, endOnFailure: true },
      );
    },
    120_000,
  );
});

describe("a server stopped with SIGTERM", () => {
  const work = mkdtempSync(path.join(tmpdir(), "rc-shutdown-"));
  const dir = path.join(work, "pglite");
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("answers the requests in flight, then closes the embedded database and frees its lock", async () => {
    const port = 3233;
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(port, { PGLITE_DIR: dir, LOG_LEVEL: "info" }, "pipe");
    let output = "";
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    expect(existsSync(lockFileOf(dir))).toBe(true);
    const cookie = await sessionCookie(base, "rm");

    // A request under way when the signal comes (its body still arriving) is answered in full,
    // and what it wrote is kept.
    const body = JSON.stringify({
      type: "RELEASE",
      name: "Planned while shutting down",
      version: "shutdown-1.0.0",
      start: "2027-03-01",
    });
    let finishBody = () => {};
    let started = () => {};
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(`${base}/api/releases`, {
        method: "POST",
        headers: {
          cookie,
          origin: base,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          // The server answers "100 Continue" once it has the request: then it is under way.
          expect: "100-continue",
        },
      });
      request.on("error", reject);
      request.on("continue", () => {
        request.write(body.slice(0, 20));
        started();
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, text }));
      });
      finishBody = () => request.end(body.slice(20));
    });
    await isStarted;
    process.kill(server.pid!, "SIGTERM"); // to npm start, which hands it to the server
    // The server says it is shutting down, and waits for the request still arriving.
    await until(() => output.includes("shutting down"));
    expect(server.exitCode).toBeNull();
    finishBody();
    const { status, text } = await answer;
    expect(status, text).toBe(201);

    expect(await exitOf(server)).toBe(143);
    expect(output).toContain("shutting down");
    expect(output).toContain("database closed");
    expect(existsSync(lockFileOf(dir))).toBe(false);
    // pg_control's cluster state 1: shut down cleanly (a killed process leaves 6, "in production").
    expect(readFileSync(path.join(dir, "global", "pg_control")).readUInt32LE(16)).toBe(1);

    // What it held is there on the next start.
    const { pglite, unlock } = openPglite(dir);
    try {
      const { rows } = await pglite.query<{ name: string }>(
        "SELECT name FROM releases WHERE version = 'shutdown-1.0.0'",
      );
      expect(rows).toEqual([{ name: "Planned while shutting down" }]);
    } finally {
      await pglite.close();
      unlock();
    }
  }, 480_000);
});

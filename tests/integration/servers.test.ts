// Production servers for real (scripts/start.ts, which builds the app when its sources changed;
// one file, so that two builds never race). Several instances behind a load balancer on one
// PostgreSQL: a session made on one works on the other and ends on both; two people approving one
// stage through the two instances at once give exactly one transition; sign-in failures count across
// both (PostgreSQL only, as in CI: PGlite is one process' own database). And a server stopped with
// SIGTERM: the requests in flight are answered, then the database is closed properly (the embedded
// one checkpointed and unlocked) before the process exits.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { openPglite } from "@/lib/server/db/config";
import { lockFileOf } from "@/lib/server/db/pglite-lock";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { THROTTLE } from "@/lib/server/users/sign-in-throttle";
import type { SessionUser } from "@/lib/types/user";

import { sessionCookie } from "../../bench/server";
import { issueTestToken } from "../support/api-tokens";
import { newRelease } from "../support/factories";
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
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(`${base}/api/releases`, {
        method: "POST",
        headers: {
          cookie,
          origin: base,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      });
      request.on("error", reject);
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, text }));
      });
      request.write(body.slice(0, 20));
      finishBody = () => request.end(body.slice(20));
    });
    // Time for the server to read the headers and start the request (it then is not idle).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    process.kill(server.pid!, "SIGTERM"); // to npm start, which hands it to the server
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(server.exitCode).toBeNull(); // still finishing the request
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

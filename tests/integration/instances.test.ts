// Several app instances behind a load balancer on one PostgreSQL, for real: two production servers
// (scripts/start.ts, which builds the app when its sources changed) on one database. A session
// made on one works on the other and ends on both; two people approving one stage through the two
// instances at once give exactly one transition; sign-in failures count across both. (PostgreSQL
// only, as in CI: PGlite is one process' own database.)
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

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
let db: TestDatabase;
const servers: ChildProcess[] = [];
const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);

async function startInstance(port: number): Promise<void> {
  const server = spawn("npx", ["tsx", "--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url!,
      NEXTAUTH_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "",
      NOTIFICATIONS_WORKER: "false",
      LOG_LEVEL: "warn",
      TZ: "UTC",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  servers.push(server);
  const deadline = Date.now() + 400_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The instance on ${port} exited`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The instance on ${port} did not become ready`);
}

beforeAll(async () => {
  if (!isPostgres) return;
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await startInstance(PORTS[0]); // builds first when needed; the second reuses the build
  await startInstance(PORTS[1]);
}, 480_000);

afterAll(async () => {
  for (const server of servers) {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  if (isPostgres) await db.close();
});

async function me(base: string, cookie: string): Promise<number> {
  const response = await fetch(`${base}/api/me/sessions`, { headers: { cookie } });
  await response.arrayBuffer();
  return response.status;
}

describe.skipIf(!isPostgres)("two app instances on one database", () => {
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

// What the page and scale benchmarks share: a throwaway PostgreSQL database, the production server
// started on it through scripts/start.ts (which builds when the sources changed), and a session.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");

/** A new empty database on the local server (BENCH_DATABASE_URL names the admin connection). */
export async function throwawayDatabase(label: string): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `rc_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export type BenchServer = { baseUrl: string; stop: () => Promise<void> };

/** The production server on `databaseUrl`, healthy; `stop` ends its whole process group. */
export async function startServer(databaseUrl: string, port: number): Promise<BenchServer> {
  const server = spawn(
    "npx",
    ["tsx", "--conditions=react-server", path.join(ROOT, "scripts", "start.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        PORT: String(port),
        HOST: "127.0.0.1",
        SEED_DEMO: "",
        NOTIFICATIONS_WORKER: "false",
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server);
  return {
    baseUrl,
    stop: async () => {
      try {
        if (server.pid) process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
  };
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not become healthy within 5 minutes");
}

/** A demo user's session cookie (`name=value`), signed in through next-auth's credentials flow. */
export async function sessionCookie(
  baseUrl: string,
  who = "viewer",
  password = `demo-${who}`,
): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({
      csrfToken,
      email: `${who}@demo.local`,
      password,
      json: "true",
    }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in failed: ${response.status}`);
  return session.split(";")[0]!;
}

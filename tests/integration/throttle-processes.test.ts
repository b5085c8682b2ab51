// Sign-in throttling holds across app instances: two separate processes on one PostgreSQL database
// share the failure count. (PGlite is one process' own database; this runs on PostgreSQL, as in CI.)
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { THROTTLE } from "@/lib/server/users/sign-in-throttle";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);
const isPostgres = inject("testDatabase").kind === "postgres";
const ROOT = path.resolve(import.meta.dirname, "../..");
let db: TestDatabase;

beforeAll(async () => {
  if (!isPostgres) return;
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
});
afterAll(async () => {
  if (isPostgres) await db.close();
});

async function signInFromAnotherProcess(email: string, password: string, times: number) {
  const { stdout } = await run(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "tests/support/sign-in-process.ts",
      db.url!,
      email,
      password,
      String(times),
    ],
    { cwd: ROOT, env: { ...process.env, TZ: "UTC" }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as string[];
}

describe.skipIf(!isPostgres)("sign-in throttling across processes", () => {
  it("counts failures from two instances together and blocks the email in both", async () => {
    const first = THROTTLE.emailLimit - 2;
    const [a, b] = await Promise.all([
      signInFromAnotherProcess("qa@demo.local", "wrong one", first),
      signInFromAnotherProcess("qa@demo.local", "wrong two", 2),
    ]);
    expect([...a, ...b]).toEqual(Array(THROTTLE.emailLimit).fill("INVALID_CREDENTIALS"));
    // Both instances now refuse even the right password; another email signs in.
    expect(await signInFromAnotherProcess("qa@demo.local", "demo-qa", 1)).toEqual([
      "TOO_MANY_ATTEMPTS",
    ]);
    expect(await signInFromAnotherProcess("qa2@demo.local", "demo-qa2", 1)).toEqual(["OK"]);
    const row = await db.prisma.signInThrottle.findUniqueOrThrow({
      where: { key: "email:qa@demo.local" },
    });
    // Five failures, then the refused attempt: counted too (before any check), one past the limit.
    expect(row.failures).toBe(THROTTLE.emailLimit + 1);
  }, 120_000);
});

// The delivery worker as several app instances run it: two processes on one PostgreSQL database
// deliver each event exactly once, and a worker killed in the middle of a delivery leaves it to be
// taken over. (PGlite is one process' own database; this runs on PostgreSQL, as in CI.)
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createWebhook } from "@/lib/server/notifications/webhooks";
import type { SessionUser } from "@/lib/types/user";

import { createUser, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const isPostgres = inject("testDatabase").kind === "postgres";
const ROOT = path.resolve(import.meta.dirname, "../..");

let db: TestDatabase;
let admin: SessionUser;
let rm: SessionUser;
/** Requests by delivery id; how to answer the next one. */
const seen = new Map<string, number>();
let answer: (response: ServerResponse) => void = (response) => response.end("ok");
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const id = String(request.headers["x-release-calendar-delivery"]);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    answer(response);
  });
});
let url: string;

beforeAll(async () => {
  if (!isPostgres) return;
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  db = await createTestDatabase();
  admin = await createUser(db.prisma, "ADMIN");
  rm = await createUser(db.prisma, "RELEASE_MANAGER");
});
afterAll(async () => {
  if (!isPostgres) return;
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await db.close();
});

function startWorkerProcess(runMs: number): { child: ChildProcess; exited: Promise<string> } {
  // node itself (not npx) so that a kill reaches the worker, not a wrapper.
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/support/worker-process.ts",
      db.url!,
      String(runMs),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", TZ: "UTC" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve) => child.on("exit", () => resolve(output)));
  return { child, exited };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!isPostgres)("workers in several processes", () => {
  it("two processes deliver each event exactly once", async () => {
    const hook = await createWebhook(admin, {
      url,
      events: ["release.created"],
      secret: "two-workers-share-one-outbox",
    });
    for (let i = 0; i < 12; i++) await newRelease(rm);
    const [a, b] = [startWorkerProcess(20_000), startWorkerProcess(20_000)];
    await until(
      async () =>
        (await db.prisma.delivery.count({
          where: { webhookId: hook.id, status: "DELIVERED" },
        })) === 12,
    );
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    await Promise.all([a.exited, b.exited]);
    const deliveries = await db.prisma.delivery.findMany({ where: { webhookId: hook.id } });
    expect(deliveries).toHaveLength(12);
    for (const delivery of deliveries) {
      expect(seen.get(delivery.id), delivery.id).toBe(1);
      expect(delivery.attempts).toBe(1);
    }
    expect(await db.prisma.outboxEvent.count({ where: { dispatchedAt: null } })).toBe(0);
    await db.prisma.webhook.update({ where: { id: hook.id }, data: { isActive: false } });
  });

  it("a worker killed in the middle of a delivery leaves it to another, which delivers it", async () => {
    const hook = await createWebhook(admin, {
      url,
      events: ["release.created"],
      secret: "a-worker-dies-mid-delivery",
    });
    seen.clear();
    let hanging = true;
    // The first request hangs: the worker is killed while waiting for the answer.
    answer = (response) => {
      if (!hanging) response.end("ok");
    };
    await newRelease(rm);
    const first = startWorkerProcess(60_000);
    await until(() => seen.size === 1);
    first.child.kill("SIGKILL");
    await first.exited;
    const [claimed] = await db.prisma.delivery.findMany({ where: { webhookId: hook.id } });
    expect(claimed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(claimed!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    // Its claim runs out (as it would after the lease); another instance takes the delivery over.
    hanging = false;
    receiver.closeAllConnections();
    await db.prisma.delivery.update({
      where: { id: claimed!.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    const second = startWorkerProcess(20_000);
    await until(
      async () =>
        (await db.prisma.delivery.findUniqueOrThrow({ where: { id: claimed!.id } })).status ===
        "DELIVERED",
    );
    second.child.kill("SIGTERM");
    await second.exited;
    const delivered = await db.prisma.delivery.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(delivered).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 200 });
    // The receiver saw the same delivery id twice: it can tell the repeat.
    expect(seen.get(claimed!.id)).toBe(2);
  });
});

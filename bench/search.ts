// npm run bench:search — POST /api/plan/search for one year (count 3) against the production server
// on 10,000 releases in PostgreSQL, one request at a time, next to the plain POST /api/plan of the
// same wish in the same run. Prints the median and p95 of both; the search's target is a median
// under 300 ms. A benchmark: it asserts nothing.
import { randomBytes } from "node:crypto";

import { addDays } from "../lib/domain/dates";
import { createPostgresClient } from "../lib/server/db/client";
import { seedDemoData } from "../lib/server/seed/seed-demo";
import { companyToday } from "../lib/server/today";
import { hashApiToken } from "../lib/server/users/api-tokens";
import { deployMigrations } from "../scripts/db/schema-engine";

import { seedPortfolio } from "./portfolio";
import { startServer, throwawayDatabase } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3213);
const RELEASES = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const TARGET_MS = 300;

type Timing = { p50: number; p95: number; status: number };

async function time(call: () => Promise<Response>): Promise<Timing> {
  const latencies: number[] = [];
  let status = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const response = await call();
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    status = response.status;
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { p50: at(0.5), p95: at(0.95), status };
}

async function main(): Promise<void> {
  const database = await throwawayDatabase("search");
  const prisma = createPostgresClient(database.url);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await deployMigrations({ url: database.url });
    const demo = await seedDemoData(prisma);
    await seedPortfolio(prisma, RELEASES - demo.releases, { first: demo.releases });
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@demo.local" } });
    const token = `rc_${randomBytes(24).toString("base64url")}`;
    await prisma.apiToken.create({
      data: {
        name: "bench",
        scope: "read",
        tokenHash: hashApiToken(token),
        userId: viewer.id,
        createdById: viewer.id,
      },
    });
    server = await startServer(database.url, PORT);
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    // A working day about two months ahead, as a release manager would wish.
    const today = companyToday("Europe/Berlin");
    let goLive = addDays(today, 60);
    while ([0, 6].includes(new Date(`${goLive}T00:00:00Z`).getUTCDay()))
      goLive = addDays(goLive, 1);
    const post = (path: string, body: object) =>
      fetch(`${server!.baseUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    const searchBody = { goLive, horizonDays: 366, count: 3 };
    // Warm both (the first request compiles the route), and say what the search found.
    const first = (await (await post("/api/plan/search", searchBody)).json()) as {
      candidates: { goLive: string; slipWorkingDays: number }[];
      skipped: unknown[];
    };
    await post("/api/plan", { goLive });

    const search = await time(() => post("/api/plan/search", searchBody));
    const plan = await time(() => post("/api/plan", { goLive }));
    const line = (label: string, timing: Timing) =>
      `  ${label.padEnd(34)} p50 ${timing.p50.toFixed(0).padStart(5)} ms   p95 ${timing.p95.toFixed(0).padStart(5)} ms   (HTTP ${timing.status})`;
    console.log(
      `\nWished go-live ${goLive} on ${RELEASES.toLocaleString("en")} releases, ${ROUNDS} requests each, one at a time.` +
        ` The search found ${first.candidates.map((c) => `${c.goLive} (+${c.slipWorkingDays} wd)`).join(", ") || "nothing"}` +
        ` after ${first.skipped.length} skipped dates.`,
    );
    console.log(line("POST /api/plan/search (one year)", search));
    console.log(line("POST /api/plan (the same wish)", plan));
    console.log(
      `  search median ${search.p50.toFixed(0)} ms   target < ${TARGET_MS} ms   ratio to the plain plan ${(search.p50 / plan.p50).toFixed(1)}`,
    );
  } finally {
    await server?.stop();
    await prisma.$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

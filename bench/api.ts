// npm run bench:api — GET /api/releases for one month, one page, at 32 concurrent connections for
// 10 s against the production server on 10,000 releases, next to the bare SQL that returns the same
// releases with their stages through `pg` (32 pooled connections) in the same run. Prints requests
// per second and p50/p95 of both and the p95 ratio (target ≤ 3). A benchmark: it asserts nothing.
import { randomBytes } from "node:crypto";

import pg from "pg";

import { addDays } from "../lib/domain/dates";
import { createPostgresClient, POSTGRES_SESSION_OPTIONS } from "../lib/server/db/client";
import { seedDemoData } from "../lib/server/seed/seed-demo";
import { companyToday } from "../lib/server/today";
import { hashApiToken } from "../lib/server/users/api-tokens";
import { deployMigrations } from "../scripts/db/schema-engine";

import { seedPortfolio } from "./portfolio";
import { startServer, throwawayDatabase } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3212);
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RELEASES = 10_000;
const TARGET_RATIO = 3;

// The releases whose planned stage windows overlap the month, with their six stages as JSON.
const BARE_SQL = `
  SELECT r.id, r.name, r.version, r.type, r.status, r.region, r.baseline_go_live,
         (SELECT json_agg(json_build_object(
                   'key', s.key, 'status', s.status, 'plannedStart', s.planned_start,
                   'plannedEnd', s.planned_end, 'actualStart', s.actual_start,
                   'actualEnd', s.actual_end, 'workingDays', s.working_days,
                   'approvals', (SELECT coalesce(json_agg(json_build_object(
                                   'user', a.user_id, 'decision', a.decision, 'at', a.created_at)), '[]')
                                 FROM approvals a WHERE a.stage_window_id = s.id))
                 ORDER BY s.key)
            FROM stage_windows s WHERE s.release_id = r.id) AS stages
  FROM releases r
  WHERE EXISTS (SELECT 1 FROM stage_windows w
                WHERE w.release_id = r.id AND w.planned_start <= $2 AND w.planned_end >= $1)
  ORDER BY r.baseline_go_live, r.name
  LIMIT 500`;

type Run = { requests: number; p50: number; p95: number; errors: number };

async function load(call: () => Promise<boolean>): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        if (!(await call())) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { requests: latencies.length, p50: at(0.5), p95: at(0.95), errors };
}

async function main(): Promise<void> {
  const database = await throwawayDatabase("api");
  const prisma = createPostgresClient(database.url);
  const pool = new pg.Pool({
    connectionString: database.url,
    max: CONNECTIONS,
    options: POSTGRES_SESSION_OPTIONS,
  });
  // Dropping the database at the end ends the pool's idle connections: not an error here.
  pool.on("error", () => {});
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await deployMigrations({ url: database.url });
    const demo = await seedDemoData(prisma);
    await seedPortfolio(prisma, RELEASES - demo.releases, { first: demo.releases });
    await prisma.$executeRawUnsafe("ANALYZE");
    const rm = await prisma.user.findUniqueOrThrow({ where: { email: "rm@demo.local" } });
    const token = `rc_${randomBytes(24).toString("base64url")}`;
    await prisma.apiToken.create({
      data: {
        name: "bench",
        scope: "read",
        tokenHash: hashApiToken(token),
        userId: rm.id,
        createdById: rm.id,
      },
    });
    const today = companyToday("Europe/Berlin");
    const from = `${today.slice(0, 7)}-01`;
    const to = addDays(addDays(from, 40).slice(0, 7) + "-01", -1);
    server = await startServer(database.url, PORT);
    const url = `${server.baseUrl}/api/releases?from=${from}&to=${to}&limit=500`;
    const headers = { authorization: `Bearer ${token}` };
    const first = await fetch(url, { headers });
    const rows = ((await first.json()) as unknown[]).length;
    const bareRows = (await pool.query(BARE_SQL, [from, to])).rowCount;

    const api = await load(async () => {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      return response.ok;
    });
    const bare = await load(async () => {
      await pool.query(BARE_SQL, [from, to]);
      return true;
    });
    const line = (label: string, run: Run) =>
      `  ${label.padEnd(28)} ${(run.requests / SECONDS).toFixed(1).padStart(7)} req/s   p50 ${run.p50.toFixed(0).padStart(5)} ms   p95 ${run.p95.toFixed(0).padStart(5)} ms${run.errors ? `   ${run.errors} errors` : ""}`;
    console.log(
      `\nGET /api/releases?from=${from}&to=${to}&limit=500 on ${RELEASES.toLocaleString("en")} releases: ${rows} releases in the page` +
        ` (bare SQL: ${bareRows}), ${CONNECTIONS} connections, ${SECONDS} s each.`,
    );
    console.log(line("API (production server)", api));
    console.log(line("bare SQL through pg", bare));
    console.log(
      `  p95 ratio API : bare SQL     ${(api.p95 / bare.p95).toFixed(2)}   target ≤ ${TARGET_RATIO}`,
    );
  } finally {
    await server?.stop();
    await pool.end();
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

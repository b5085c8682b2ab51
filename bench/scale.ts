// npm run bench:scale — every view and the releases API at 500 and at 10,000 releases (three years,
// fifty products, planned and signed off by the real rules) on PostgreSQL with the production
// build: status, p50/p95 response time on loopback, HTML/JSON bytes raw and gzip, and the ratio
// 10,000 : 500. Targets: every answer 200; 10,000 ≤ 2× the 500 figure; views ≤ 150 KB gzip at 500.
// A benchmark, not a test: it prints figures and asserts nothing.
//
// BENCH_BASE_URL=http://… measures a running server instead (one column, no seeding).
import { gzipSync } from "node:zlib";

import { addDays } from "../lib/domain/dates";
import { createPostgresClient } from "../lib/server/db/client";
import { seedDemoData } from "../lib/server/seed/seed-demo";
import { companyToday } from "../lib/server/today";
import { deployMigrations } from "../scripts/db/schema-engine";

import { seedPortfolio } from "./portfolio";
import { sessionCookie, startServer, throwawayDatabase } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3211);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = [500, 10_000] as const;
const TARGET_RATIO = 2;
const TARGET_VIEW_GZIP_KB = 150;

type Figure = { status: number; p50: number; p95: number; bytes: number; gzip: number };

function targets(today: string): { label: string; path: string }[] {
  const month = today.slice(0, 7);
  const next = addDays(`${month}-01`, 45).slice(0, 7);
  const monthEnd = addDays(`${next}-01`, -1);
  return [
    { label: "timeline (6 weeks)", path: "/timeline" },
    { label: "timeline (year)", path: "/timeline?zoom=year" },
    { label: "calendar (month)", path: `/calendar?month=${month}` },
    { label: "environments", path: "/environments" },
    { label: "releases (page 1)", path: "/releases" },
    { label: "report (last year)", path: "/reports" },
    { label: "My approvals", path: "/approvals" },
    { label: "API releases month", path: `/api/releases?from=${month}-01&to=${monthEnd}` },
    {
      label: "API releases year",
      path: `/api/releases?from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`,
    },
  ];
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function measure(baseUrl: string, cookie: string, path: string): Promise<Figure> {
  const times: number[] = [];
  let last: { status: number; body: Buffer } | undefined;
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    const body = Buffer.from(await response.arrayBuffer());
    if (run > 0) times.push(performance.now() - started); // the first run warms caches
    last = { status: response.status, body };
  }
  return {
    status: last!.status,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    bytes: last!.body.length,
    gzip: gzipSync(last!.body).length,
  };
}

async function measureAll(baseUrl: string, today: string): Promise<Map<string, Figure>> {
  const cookie = await sessionCookie(baseUrl, "rm");
  const figures = new Map<string, Figure>();
  for (const target of targets(today))
    figures.set(target.label, await measure(baseUrl, cookie, target.path));
  return figures;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function print(today: string, columns: [string, Map<string, Figure>][]): void {
  console.log(
    `\nScale: each view and API call ${RUNS} times after one warm-up, signed in as a release manager.`,
  );
  for (const target of targets(today)) {
    console.log(`\n  ${target.label}  ${target.path}`);
    for (const [name, figures] of columns) {
      const f = figures.get(target.label)!;
      console.log(
        `    ${name.padEnd(16)} ${String(f.status).padEnd(4)} p50 ${ms(f.p50).padStart(7)}  p95 ${ms(f.p95).padStart(7)}  ${kb(f.bytes).padStart(10)} raw  ${kb(f.gzip).padStart(9)} gzip`,
      );
    }
    if (columns.length === 2) {
      const [small, large] = columns.map(([, figures]) => figures.get(target.label)!);
      const ratio = (a: number, b: number) => (b / Math.max(a, 1)).toFixed(2);
      const isView = !target.path.startsWith("/api/");
      console.log(
        `    ratio 10,000:500  p50 ${ratio(small!.p50, large!.p50)}  p95 ${ratio(small!.p95, large!.p95)}  gzip ${ratio(small!.gzip, large!.gzip)}   target ≤ ${TARGET_RATIO}` +
          (isView ? `;  gzip at 500 ${kb(small!.gzip)} (target ≤ ${TARGET_VIEW_GZIP_KB} KB)` : ""),
      );
    }
  }
}

export async function runScaleBenchmark(): Promise<void> {
  const today = companyToday("Europe/Berlin");
  if (process.env.BENCH_BASE_URL) {
    print(today, [["running server", await measureAll(process.env.BENCH_BASE_URL, today)]]);
    return;
  }
  const database = await throwawayDatabase("scale");
  const prisma = createPostgresClient(database.url);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await deployMigrations({ url: database.url });
    const demo = await seedDemoData(prisma);
    const columns: [string, Map<string, Figure>][] = [];
    let seeded = demo.releases;
    for (const size of SIZES) {
      const started = performance.now();
      await seedPortfolio(prisma, size - seeded, { first: seeded });
      seeded = size;
      console.log(
        `Seeded ${await prisma.release.count()} releases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      server ??= await startServer(database.url, PORT);
      // A view stores today's forecasts first (writing every new release once); then the tables are
      // vacuumed and analyzed as after any bulk load (autovacuum keeps a running database so).
      await fetch(`${server.baseUrl}/timeline`, {
        headers: { cookie: await sessionCookie(server.baseUrl, "rm") },
      });
      await prisma.$executeRawUnsafe("VACUUM ANALYZE");
      columns.push([
        `${size.toLocaleString("en")} releases`,
        await measureAll(server.baseUrl, today),
      ]);
    }
    print(today, columns);
  } finally {
    await server?.stop();
    await prisma.$disconnect();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runScaleBenchmark().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

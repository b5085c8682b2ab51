// npm run bench:page — the first screens (timeline, calendar, My approvals) with 500 releases on
// PostgreSQL, in headless Chromium on loopback: Largest Contentful Paint of cold loads on a desk
// (1440 × 900) and on a phone (390 × 844, CPU throttled 4×), the server's time to first byte, and
// the first-load JavaScript (gzip) of each view and of the other pages. Targets: LCP ≤ 1.0 s on a desk, ≤ 2.5 s on the
// phone; first-load JS ≤ 150 KB. A benchmark, not a test: it prints figures next to targets only.
//
// It creates a throwaway database (BENCH_DATABASE_URL, default the local server's `postgres`
// database as admin), seeds the demo plus generated releases, starts the production server through
// scripts/start.ts (which builds when the sources changed) and drops the database afterwards.
import { gzipSync } from "node:zlib";

import { type Browser, chromium } from "@playwright/test";

import type { PrismaClient } from "../generated/prisma/client";
import { isoToDate, type IsoDate } from "../lib/domain/dates";
import { planForward } from "../lib/domain/planner";
import { calendarFor } from "../lib/server/calendars";
import { createPostgresClient } from "../lib/server/db/client";
import { seedDemoData } from "../lib/server/seed/seed-demo";
import { getPlanningSettings } from "../lib/server/settings/get-planning-settings";
import { companyToday } from "../lib/server/today";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium";
import { deployMigrations } from "../scripts/db/schema-engine";

import { type BenchServer, sessionCookie, startServer, throwawayDatabase } from "./server";

const RELEASES = 500;
const RUNS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const TARGET_LCP_MS = 1000;
const TARGET_PHONE_LCP_MS = 2500;
const TARGET_JS_KB = 150;

/** The views measured, and who opens each (My approvals as a QA: a viewer has nothing waiting). */
const VIEWS = [
  { name: "Timeline, 6 weeks", path: "/timeline", who: "viewer" },
  { name: "Calendar", path: "/calendar", who: "viewer" },
  { name: "My approvals", path: "/approvals", who: "qa" },
] as const;

type Device = { name: string; viewport: { width: number; height: number }; cpuSlowdown: number };
const DESK: Device = { name: "desk", viewport: { width: 1440, height: 900 }, cpuSlowdown: 1 };
const PHONE: Device = { name: "phone", viewport: { width: 390, height: 844 }, cpuSlowdown: 4 };

const PRODUCTS = [
  "Billing Engine",
  "Customer Portal",
  "Payments API",
  "Mobile Backend",
  "Search Service",
  "Partner Gateway",
  "Reporting",
  "Identity Provider",
  "Data Warehouse Sync",
  "Notification Hub",
  "Pricing Service",
  "Order Service",
  "Inventory API",
  "Loyalty Platform",
  "Document Archive",
  "Fraud Detection",
  "Shipping Gateway",
  "Tariff Calculator",
  "Contract Service",
  "Support Desk",
];

/** Releases beyond the demo, one DEV start every working day or so over about fourteen months around today. */
async function seedGeneratedReleases(prisma: PrismaClient, count: number): Promise<void> {
  const settings = await getPlanningSettings(prisma);
  const calendar = calendarFor(settings.defaultRegion, settings.periods);
  const today = companyToday(settings.companyTimeZone);
  const creator = await prisma.user.findFirstOrThrow({ where: { role: "RELEASE_MANAGER" } });
  const anchor = calendar.isWorkingDay(today) ? today : calendar.nextWorkingDay(today);
  const productIds: string[] = [];
  for (const name of PRODUCTS) {
    const key = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const product = await prisma.product.upsert({
      where: { key: `bench-${key}` },
      create: { key: `bench-${key}`, name: `${name} (bench)` },
      update: {},
      select: { id: true },
    });
    productIds.push(product.id);
  }
  let parentId: string | null = null;
  for (let i = 0; i < count; i++) {
    const start = calendar.shiftWorkingDays(anchor, -240 + Math.floor((i * 300) / count));
    const plan = planForward(start, settings.durations, calendar);
    const statusOf = (stage: { start: IsoDate; end: IsoDate }) =>
      stage.end < today ? "SIGNED_OFF" : stage.start <= today ? "ACTIVE" : "PENDING";
    const isLive = plan.goLive < today;
    const hasStarted = plan.start <= today;
    // Every fifth one is a patch of the release created just before it.
    const isPatch = i % 5 === 4 && parentId !== null;
    const created: { id: string } = await prisma.release.create({
      select: { id: true },
      data: {
        name: `${PRODUCTS[i % PRODUCTS.length]} ${2025 + Math.floor(i / 200)}.${(i % 97) + 1}`,
        version: `${PRODUCTS[i % PRODUCTS.length]!.toLowerCase().replaceAll(" ", "-")}:${i}.0.0`,
        type: isPatch ? "PATCH" : "RELEASE",
        parentId: isPatch ? parentId : null,
        region: settings.defaultRegion,
        status: isLive ? "LIVE" : hasStarted ? "IN_PROGRESS" : "PLANNED",
        baselineGoLive: isoToDate(plan.goLive),
        originalGoLive: isoToDate(plan.goLive),
        createdById: creator.id,
        productId: productIds[i % PRODUCTS.length]!,
        stages: {
          create: plan.stages.map((stage) => {
            const status = isLive ? "SIGNED_OFF" : statusOf(stage);
            return {
              key: stage.key,
              status,
              plannedStart: isoToDate(stage.start),
              plannedEnd: isoToDate(stage.end),
              actualStart: status === "PENDING" ? null : isoToDate(stage.start),
              actualEnd: status === "SIGNED_OFF" ? isoToDate(stage.end) : null,
              workingDays: stage.workingDays,
              approvalsRequired: settings.stageRules[stage.key].approvalsRequired,
            };
          }),
        },
      },
    });
    if (!isPatch) parentId = created.id;
  }
}

type Load = {
  lcpMs: number;
  /** First contentful paint, and what the largest paint was (for finding where the time goes). */
  fcpMs: number;
  lcpElement: string;
  ttfbMs: number;
  htmlMs: number;
  rows: number;
  scripts: { url: string; bytes: number; gzipBytes: number }[];
};

/** One cold load (a new browser context: empty cache) of a page, signed in. */
async function coldLoad(
  browser: Browser,
  /** The session cookie (`name=value`); empty for someone signed out. */
  cookie: string,
  pathname: string,
  device: Device = DESK,
): Promise<Load> {
  const context = await browser.newContext({ viewport: device.viewport });
  if (cookie) {
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: BASE_URL }]);
  }
  await context.addInitScript(() => {
    const tasks: number[][] = [];
    (window as unknown as { __longTasks: number[][] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries())
        tasks.push([Math.round(task.startTime), Math.round(task.duration)]);
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  if (device.cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: device.cpuSlowdown });
  }
  const scripts: Load["scripts"] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) =>
          void scripts.push({
            url: response.url(),
            bytes: body.length,
            gzipBytes: gzipSync(body).length,
          }),
        () => undefined,
      ),
    );
  });
  await page.goto(`${BASE_URL}${pathname}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const { lcpMs, lcpElement, fcpMs, longTasks } = await page.evaluate(
    () =>
      new Promise<{
        lcpMs: number;
        lcpElement: string;
        fcpMs: number;
        longTasks: number[][];
      }>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          const last = entries[entries.length - 1] as PerformanceEntry & {
            element?: Element | null;
            size?: number;
          };
          const element = last.element;
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          resolve({
            lcpMs: last.startTime,
            fcpMs: fcp ? fcp.startTime : Number.NaN,
            longTasks: (window as unknown as { __longTasks?: number[][] }).__longTasks ?? [],
            lcpElement: element
              ? `<${element.tagName.toLowerCase()}${element.getAttribute("data-testid") ? ` data-testid=${element.getAttribute("data-testid")}` : ""}> "${(element.textContent ?? "").trim().slice(0, 40)}" (${last.size} px²)`
              : "?",
          });
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  const { ttfbMs, htmlMs } = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType(
      "navigation",
    ) as PerformanceNavigationTiming[];
    return navigation
      ? {
          ttfbMs: navigation.responseStart - navigation.requestStart,
          // The streamed HTML complete: the page's data read and rendered on the server.
          htmlMs: navigation.responseEnd - navigation.requestStart,
        }
      : { ttfbMs: Number.NaN, htmlMs: Number.NaN };
  });
  const rows = await page.locator('[data-testid="timeline-row"]').count();
  await Promise.all(pending);
  await context.close();
  if (process.env.BENCH_VERBOSE === "2")
    console.log(
      `      ${pathname} LCP ${Math.round(lcpMs)} long tasks [start, ms]: ${JSON.stringify(longTasks)}`,
    );
  return { lcpMs, fcpMs, lcpElement, ttfbMs, htmlMs, rows, scripts };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runTimelinePageBenchmark(): Promise<void> {
  const database = await throwawayDatabase("page");
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  try {
    const prisma = createPostgresClient(database.url);
    await deployMigrations({ url: database.url });
    const demo = await seedDemoData(prisma);
    await seedGeneratedReleases(prisma, RELEASES - demo.releases);
    const total = await prisma.release.count();
    const demoRelease = (status: "LIVE" | "IN_PROGRESS") =>
      prisma.release.findFirstOrThrow({
        where: { status, product: { key: { not: { startsWith: "bench-" } } } },
        select: { id: true, product: { select: { key: true } } },
      });
    const live = await demoRelease("LIVE");
    const inProgress = await demoRelease("IN_PROGRESS");
    await prisma.$disconnect();

    server = await startServer(database.url, PORT);
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
    const cookies = {
      viewer: await sessionCookie(BASE_URL),
      qa: await sessionCookie(BASE_URL, "qa"),
      rm: await sessionCookie(BASE_URL, "rm"),
      admin: await sessionCookie(BASE_URL, "admin"),
      signedOut: "",
    };
    await coldLoad(browser, cookies.viewer, "/timeline"); // warms the server (first render, caches)

    console.log(
      `\nFirst screens: ${total} releases and patches on PostgreSQL, headless Chromium on loopback,`,
    );
    console.log(
      `median of ${RUNS} cold loads each (new browser context: empty cache). Desk 1440 × 900; phone 390 × 844 with the CPU throttled ${PHONE.cpuSlowdown}×.`,
    );
    for (const view of VIEWS) {
      const cookie = cookies[view.who];
      await coldLoad(browser, cookie, view.path); // this view's first render
      const desk: Load[] = [];
      for (let i = 0; i < RUNS; i++) desk.push(await coldLoad(browser, cookie, view.path));
      const phone: Load[] = [];
      for (let i = 0; i < RUNS; i++) phone.push(await coldLoad(browser, cookie, view.path, PHONE));
      const lcp = median(desk.map((load) => load.lcpMs));
      const phoneLcp = median(phone.map((load) => load.lcpMs));
      const ttfb = median(desk.map((load) => load.ttfbMs));
      const scripts = desk[0]!.scripts;
      const jsKb = scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024;
      const rawKb = scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024;
      const rows = desk[0]!.rows ? ` (${desk[0]!.rows} rows)` : "";
      console.log(`  ${view.name}${rows}, as ${view.who}:`);
      console.log(
        `    LCP desk:            ${seconds(lcp)}   target ≤ ${TARGET_LCP_MS / 1000} s   ratio ${(lcp / TARGET_LCP_MS).toFixed(2)}   (time to first byte ${seconds(ttfb)})`,
      );
      console.log(
        `    LCP phone, CPU ${PHONE.cpuSlowdown}×:   ${seconds(phoneLcp)}   target ≤ ${TARGET_PHONE_LCP_MS / 1000} s   ratio ${(phoneLcp / TARGET_PHONE_LCP_MS).toFixed(2)}`,
      );
      console.log(
        `    First-load JS (gzip): ${jsKb.toFixed(1)} KB  target ≤ ${TARGET_JS_KB} KB   ratio ${(jsKb / TARGET_JS_KB).toFixed(2)}   (${scripts.length} scripts, ${rawKb.toFixed(0)} KB uncompressed)`,
      );
      if (process.env.BENCH_VERBOSE) {
        const fcp = median(desk.map((load) => load.fcpMs));
        const phoneFcp = median(phone.map((load) => load.fcpMs));
        const html = median(desk.map((load) => load.htmlMs));
        console.log(
          `    streamed HTML complete ${seconds(html)}; first contentful paint: desk ${seconds(fcp)}, phone ${seconds(phoneFcp)}; largest: desk ${desk[0]!.lcpElement}, phone ${phone[0]!.lcpElement}`,
        );
        for (const script of [...scripts].sort((a, b) => b.gzipBytes - a.gzipBytes))
          console.log(
            `      ${(script.gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${script.url.replace(BASE_URL, "")}`,
          );
      }
    }
    const yearLoads: Load[] = [];
    for (let i = 0; i < RUNS; i++)
      yearLoads.push(await coldLoad(browser, cookies.viewer, "/timeline?zoom=year"));
    const yearLcp = median(yearLoads.map((load) => load.lcpMs));
    console.log(
      `  Timeline, year (${yearLoads[0]!.rows} rows): LCP desk ${seconds(yearLcp)} (no target; the largest view)`,
    );
    // The other pages' first-load JavaScript (one cold load each: it does not vary between loads).
    const others = [
      { name: "Releases", path: "/releases", who: "viewer" },
      { name: "A live release, as a QA", path: `/releases/${live.id}`, who: "qa" },
      {
        name: "A release in progress, as its manager",
        path: `/releases/${inProgress.id}`,
        who: "rm",
      },
      { name: "A product", path: `/products/${live.product.key}`, who: "rm" },
      { name: "Products", path: "/products", who: "viewer" },
      { name: "Plan", path: "/plan", who: "rm" },
      { name: "New release", path: "/releases/new", who: "rm" },
      { name: "Environments", path: "/environments", who: "viewer" },
      { name: "Delivery report", path: "/reports", who: "viewer" },
      { name: "Profile", path: "/profile", who: "rm" },
      { name: "Admin: people", path: "/admin/users", who: "admin" },
      { name: "Sign-in (signed out)", path: "/signin", who: "signedOut" },
    ] as const;
    console.log(`  First-load JS (gzip) of the other pages, target ≤ ${TARGET_JS_KB} KB:`);
    for (const other of others) {
      const load = await coldLoad(browser, cookies[other.who], other.path);
      const jsKb = load.scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024;
      console.log(
        `    ${`${other.name}:`.padEnd(40)} ${jsKb.toFixed(1).padStart(6)} KB   ratio ${(jsKb / TARGET_JS_KB).toFixed(2)}`,
      );
    }
  } finally {
    await browser?.close();
    await server?.stop();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTimelinePageBenchmark().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

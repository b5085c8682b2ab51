// npm test: every suite (unit and integration with vitest, end-to-end with Playwright), then one
// closing line "N passed, N failed, N skipped" summing them all. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { chromium } from "@playwright/test";

import { chromiumPath } from "./chromium";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Playwright's own Chromium, when it was downloaded. */
function playwrightChromium(): string | undefined {
  try {
    const executable = chromium.executablePath();
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}
const RESULTS = path.join(ROOT, "test-results");
const VITEST_JSON = path.join(RESULTS, "vitest.json");
const PLAYWRIGHT_JSON = path.join(RESULTS, "playwright.json");

type Tally = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function vitestTally(exitCode: number): Tally {
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(VITEST_JSON);
  if (!report) return { passed: 0, failed: 1, skipped: 0 }; // the suite did not even report
  // A failure outside any test (a crashed file, a failing hook) still fails the run.
  const failed = report.numFailedTests || (exitCode !== 0 ? 1 : 0);
  return {
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTally(exitCode: number): Tally {
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  }>(PLAYWRIGHT_JSON);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const failed = report.stats.unexpected || (exitCode !== 0 ? 1 : 0);
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed,
    skipped: report.stats.skipped,
  };
}

function main(): number {
  rmSync(VITEST_JSON, { force: true });
  rmSync(PLAYWRIGHT_JSON, { force: true });
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(path.join(ROOT, "generated", "prisma", "client.ts")))
    run("npm", ["run", "db:generate"]);

  console.log("\n▶ Unit and integration tests (vitest)\n");
  const vitestExit = run("npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${VITEST_JSON}`,
  ]);
  console.log("\n▶ End-to-end tests (Playwright, Chromium)\n");
  const browser = chromiumPath() ?? playwrightChromium();
  let e2e: Tally;
  if (browser) {
    const playwrightExit = run("npx", ["playwright", "test"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON,
    });
    e2e = playwrightTally(playwrightExit);
  } else {
    // Said once, instead of one "executable doesn't exist" per journey.
    console.error(
      "✖ No Chromium for the end-to-end tests: install Debian's (apt-get install chromium), set " +
        "CHROMIUM_PATH, or let Playwright fetch its own (npx playwright install chromium).",
    );
    e2e = { passed: 0, failed: 1, skipped: 0 };
  }

  const tallies = [vitestTally(vitestExit), e2e];
  const total = tallies.reduce((sum, t) => ({
    passed: sum.passed + t.passed,
    failed: sum.failed + t.failed,
    skipped: sum.skipped + t.skipped,
  }));
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed > 0 ? 1 : 0;
}

process.exit(main());

// npm start: everything a newcomer needs in one command. Builds when the sources changed, applies
// pending migrations, fills an empty embedded database with demo data, then runs `next start`.
// With DATABASE_URL set (production mode) it requires NEXTAUTH_SECRET and seeds only on request.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import nextEnv from "@next/env";

import { type Env, readServerEnv } from "../lib/env";
import { describeDatabase, readDatabaseConfig } from "../lib/server/db/config";
import { lockHolderEnv, lockPgliteDir } from "../lib/server/db/pglite-lock";
import {
  type DemoPasswords,
  demoPasswordsFor,
  isDatabaseEmpty,
  printPasswordLinks,
  seedDemoData,
} from "../lib/server/seed/seed-demo";

import { openDatabase } from "./db/open-database";
import { deployMigrations } from "./db/schema-engine";

const ROOT = path.resolve(import.meta.dirname, "..");
const isDev = process.argv.includes("--dev");
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "generated",
  "public",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const FINGERPRINT_FILE = path.join(ROOT, ".next", "source-fingerprint");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** NEXTAUTH_SECRET for the embedded demo: generated once and kept under .data/. */
function ensureDemoAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET?.trim()) return;
  const dataDir = path.resolve(ROOT, ".data");
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("Generated a session secret for the embedded demo in .data/nextauth-secret");
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && !/\.test\.tsx?$/.test(dirent.name))
    .map((dirent) => path.relative(ROOT, path.join(dirent.parentPath, dirent.name)))
    .sort();
}

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(listFiles)) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(ROOT, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} failed`);
}

function buildIfNeeded(): void {
  if (!existsSync(path.join(ROOT, "generated", "prisma", "client.ts")))
    run("npm", ["run", "db:generate"]);
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(FINGERPRINT_FILE)
      ? readFileSync(FINGERPRINT_FILE, "utf8")
      : "";
  if (built === fingerprint) return;
  console.log("Building the app (sources changed since the last build)…");
  run("npx", ["next", "build"]);
  writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
}

async function prepareDatabase(passwords: DemoPasswords | null): Promise<void> {
  const database = openDatabase();
  try {
    console.log(`Database: ${describeDatabase(database.config)}`);
    const applied = await deployMigrations(database.target);
    for (const name of applied) console.log(`Applied migration ${name}`);
    if (passwords && (await isDatabaseEmpty(database.prisma))) {
      const result = await seedDemoData(database.prisma, { passwords });
      console.log(
        `Filled the empty database with ${result.users} demo users and ${result.releases} releases.`,
      );
      printPasswordLinks(result.passwordLinks);
    }
  } finally {
    // The embedded database may be open in one process only: close it before the server opens it.
    await database.close();
  }
}

/** Fails before touching the database when the port is taken (often: the app is already running). */
function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        fail(
          `Port ${port} on ${host} is already in use. Is Release Calendar already running? Set PORT to use another port.`,
        );
      }
      fail(`Cannot listen on ${host}:${port}: ${error.message}`);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.CHECKPOINT_DISABLE = "1";
  nextEnv.loadEnvConfig(ROOT, isDev); // the .env files `next start` reads, so both see the same settings
  const config = readDatabaseConfig();
  const isEmbedded = config.kind === "pglite";
  if (isEmbedded) ensureDemoAuthSecret();
  let env: Env;
  try {
    env = readServerEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  // Without a configured public URL, next-auth follows the Host header (localhost or 127.0.0.1).
  if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "1";

  const port = String(env.PORT);
  const host = env.HOST;
  await assertPortFree(env.PORT, host);
  // Held for the server's whole life (and handed to it): no migrate or seed script, and no second
  // server, may open the folder meanwhile.
  if (config.kind === "pglite") {
    try {
      lockPgliteDir(config.dir);
      process.env.PGLITE_LOCK_HOLDER = lockHolderEnv();
    } catch (error) {
      fail((error as Error).message);
    }
  }

  if (!isDev) buildIfNeeded();
  await prepareDatabase(isEmbedded || env.SEED_DEMO ? demoPasswordsFor(env) : null);

  const nextArgs = [isDev ? "dev" : "start", "-p", port, "-H", host];
  console.log(`\nRelease Calendar on http://${host === "0.0.0.0" ? "localhost" : host}:${port}\n`);
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), nextArgs, {
    cwd: ROOT,
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

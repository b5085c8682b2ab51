// Which database the app uses: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite
// in a folder kept between restarts. Shared by the app, the scripts and the tests.
import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

import { readEnv, type Source } from "@/lib/env";

import { lockPgliteDir } from "./pglite-lock";

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function readDatabaseConfig(source: Source = process.env): DatabaseConfig {
  const { DATABASE_URL, PGLITE_DIR } = readEnv(source);
  if (DATABASE_URL) return { kind: "postgres", url: DATABASE_URL };
  return {
    kind: "pglite",
    dir: path.resolve(/*turbopackIgnore: true*/ PGLITE_DIR || ".data/pglite"),
  };
}

/**
 * Opens (creating if needed) the PGlite data folder, after taking its lock: only one process may
 * have it open. `unlock` after closing it (or the lock goes with the process).
 */
export function openPglite(dir: string): { pglite: PGlite; unlock: () => void } {
  mkdirSync(dir, { recursive: true });
  const unlock = lockPgliteDir(dir);
  try {
    return { pglite: new PGlite(dir), unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `embedded PostgreSQL (PGlite) in ${config.dir}`;
  const url = new URL(config.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

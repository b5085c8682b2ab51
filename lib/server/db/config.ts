// Which database the app uses: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite
// in a folder kept between restarts. Shared by the app, the scripts and the tests.
import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return {
    kind: "pglite",
    dir: path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR?.trim() || ".data/pglite"),
  };
}

/** Opens (creating if needed) the PGlite data folder. Only one process may have it open. */
export function openPglite(dir: string): PGlite {
  mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `embedded PostgreSQL (PGlite) in ${config.dir}`;
  const url = new URL(config.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

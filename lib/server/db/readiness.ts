import "server-only";

import { readdirSync } from "node:fs";
import path from "node:path";

import { log } from "@/lib/server/log";
import type { Readiness } from "@/lib/types/operations";

import { getDb } from "./client";

/** The migrations this build ships (prisma/migrations, copied into every image beside the app). */
function shippedMigrations(): string[] {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Whether this instance may take traffic: the database answers and has every migration of this
 * build (a rolling deploy waits for the migration job instead of serving a schema it does not know).
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await getDb().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    log().error({ err: error }, "readiness: the database does not answer");
    return { status: "unavailable", database: "unreachable", pendingMigrations: [] };
  }
  const pendingMigrations = shippedMigrations().filter((name) => !applied.has(name));
  return {
    status: pendingMigrations.length === 0 ? "ready" : "unavailable",
    database: "ok",
    pendingMigrations,
  };
}

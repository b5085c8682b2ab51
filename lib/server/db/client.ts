// One Prisma client per process, created on first use (never at import time, so that `next build`
// does not open the embedded database while a server may be running on it).
import "server-only";

import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { type Prisma, PrismaClient } from "@/generated/prisma/client";

import { openPglite, readDatabaseConfig } from "./config";

export type Database = PrismaClient;
/** An open interactive transaction: inside one, use only it (the root client deadlocks on PGlite). */
export type DbTransaction = Prisma.TransactionClient;

/**
 * Options of every session the app opens: no JIT compilation. The views' queries are short, but
 * their cost estimates (EXISTS filters over stage windows) pass `jit_above_cost`, and compiling
 * took 0.5 s of a 0.6 s timeline query at 10,000 releases (docs/performance.md).
 */
export const POSTGRES_SESSION_OPTIONS = "-c jit=off";

export function createPostgresClient(url: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, options: POSTGRES_SESSION_OPTIONS }),
  });
}

export function createPgliteClient(pglite: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

type DbGlobal = {
  __releaseCalendarDb?: PrismaClient;
  /** What closing the process' database takes beyond the client: the embedded one and its lock. */
  __releaseCalendarDbClose?: () => Promise<void>;
};
const store = globalThis as DbGlobal;

export function getDb(): PrismaClient {
  if (!store.__releaseCalendarDb) {
    const config = readDatabaseConfig();
    if (config.kind === "postgres") {
      store.__releaseCalendarDb = createPostgresClient(config.url);
    } else {
      const { pglite, unlock } = openPglite(config.dir);
      store.__releaseCalendarDb = createPgliteClient(pglite);
      store.__releaseCalendarDbClose = async () => {
        await pglite.close();
        unlock();
      };
    }
  }
  return store.__releaseCalendarDb;
}

/**
 * Closes the process' database, when it was opened: the PostgreSQL pool's connections end; the
 * embedded database writes its shutdown checkpoint (the next start needs no recovery) and frees
 * its lock. The next `getDb()` would open it again.
 */
export async function closeDb(): Promise<boolean> {
  const client = store.__releaseCalendarDb;
  if (!client) return false;
  const closeRest = store.__releaseCalendarDbClose;
  store.__releaseCalendarDb = undefined;
  store.__releaseCalendarDbClose = undefined;
  await client.$disconnect();
  await closeRest?.();
  return true;
}

/** Points the process at a given client (scripts and tests that open their own database). */
export function setDb(client: PrismaClient): void {
  store.__releaseCalendarDb = client;
}

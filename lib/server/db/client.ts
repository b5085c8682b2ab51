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

export function createPostgresClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

export function createPgliteClient(pglite: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

type DbGlobal = { __releaseCalendarDb?: PrismaClient };
const store = globalThis as DbGlobal;

export function getDb(): PrismaClient {
  if (!store.__releaseCalendarDb) {
    const config = readDatabaseConfig();
    store.__releaseCalendarDb =
      config.kind === "postgres"
        ? createPostgresClient(config.url)
        : createPgliteClient(openPglite(config.dir));
  }
  return store.__releaseCalendarDb;
}

/** Points the process at a given client (scripts and tests that open their own database). */
export function setDb(client: PrismaClient): void {
  store.__releaseCalendarDb = client;
}

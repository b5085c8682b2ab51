// Opens the configured database for a script: the migration target and a Prisma client on it.
import type { PGlite } from "@electric-sql/pglite";

import type { PrismaClient } from "../../generated/prisma/client";
import { createPgliteClient, createPostgresClient } from "../../lib/server/db/client";
import { type DatabaseConfig, openPglite, readDatabaseConfig } from "../../lib/server/db/config";

import type { MigrationTarget } from "./schema-engine";

export type OpenDatabase = {
  config: DatabaseConfig;
  target: MigrationTarget;
  prisma: PrismaClient;
  close: () => Promise<void>;
};

/** Opens the database; an embedded one is locked for this process until `close()`. */
export function openDatabase(config: DatabaseConfig = readDatabaseConfig()): OpenDatabase {
  if (config.kind === "postgres") {
    const prisma = createPostgresClient(config.url);
    return { config, target: { url: config.url }, prisma, close: () => prisma.$disconnect() };
  }
  const { pglite, unlock }: { pglite: PGlite; unlock: () => void } = openPglite(config.dir);
  const prisma = createPgliteClient(pglite);
  return {
    config,
    target: { pglite },
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      unlock();
    },
  };
}

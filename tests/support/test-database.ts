// A fresh, migrated database for one test file: a PGlite copy of the template in memory, or a
// PostgreSQL clone of the template database. Use it in beforeAll and close it in afterAll.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import { createPgliteClient, createPostgresClient, setDb } from "@/lib/server/db/client";

export type TestDatabase = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Raw SQL outside Prisma (e.g. to prove what the database itself refuses). */
  sql: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  /** A connection string for tests that need several independent connections (PostgreSQL only). */
  url?: string;
  close: () => Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const config = inject("testDatabase");
  if (config.kind === "pglite") {
    const dump = new Blob([readFileSync(config.dumpPath)]);
    const pglite = new PGlite({ loadDataDir: dump });
    const prisma = createPgliteClient(pglite);
    setDb(prisma);
    return {
      kind: "pglite",
      prisma,
      sql: (text, params) => pglite.query<Record<string, unknown>>(text, params),
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }

  const name = `${config.template}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: config.baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${config.template}"`);
  const url = new URL(config.baseUrl);
  url.pathname = `/${name}`;
  const prisma = createPostgresClient(url.toString());
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  setDb(prisma);
  return {
    kind: "postgres",
    prisma,
    url: url.toString(),
    sql: (text, params) => pool.query(text, params),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

/**
 * Drops a test's database once its connections are gone. pg's `pool.end()` resolves before the
 * sockets of its clients close: forcing the drop at once terminated a client still ending, whose
 * error then reached no listener (an uncaught exception that failed a whole run). Waits for them,
 * and forces only what is left after two seconds.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch (error) {
      // 55006: the database is being accessed by other users.
      if ((error as { code?: string }).code !== "55006") throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

// Migrates one template database per test run, the same way the app migrates (the WASM schema
// engine), so that each test file can start from a fresh copy of it quickly:
//   PGlite (default): an in-memory database, dumped to a tarball each file loads;
//   PostgreSQL (TEST_DATABASE_URL): a template database each file clones with CREATE DATABASE.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";

import { deployMigrations } from "../../scripts/db/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase:
      | { kind: "pglite"; dumpPath: string }
      | { kind: "postgres"; baseUrl: string; template: string };
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl) {
    const template = `rc_test_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.query(`CREATE DATABASE "${template}"`);
    await deployMigrations({ url: withDatabase(baseUrl, template) });
    project.provide("testDatabase", { kind: "postgres", baseUrl, template });
    return async () => {
      // Clones made by test files are dropped by the files; this removes any left behind by a crash.
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`${template}%`],
      );
      for (const { datname } of rows)
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const db = new PGlite();
  await deployMigrations({ pglite: db });
  const dump = await db.dumpDataDir("none");
  await db.close();
  const dir = mkdtempSync(path.join(tmpdir(), "rc-test-"));
  const dumpPath = path.join(dir, "template.tar");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDatabase", { kind: "pglite", dumpPath });
  return () => rmSync(dir, { recursive: true, force: true });
}

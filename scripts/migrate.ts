// Offline replacement for `prisma migrate dev|deploy|status|diff|reset`, on PGlite or PostgreSQL.
//   npm run db:migrate -- --name add_x [--create-only] [--accept-data-loss]
//   npm run db:deploy | db:status | db:diff | db:reset -- --force
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { PGlite } from "@electric-sql/pglite";

import { describeDatabase } from "../lib/server/db/config";

import { openDatabase } from "./db/open-database";
import {
  LOCKFILE_NAME,
  lockfileContent,
  MIGRATIONS_DIR,
  type MigrationTarget,
  NO_FILTERS,
  withSchemaEngine,
  readMigrationList,
  readSchemaFile,
} from "./db/schema-engine";

const USAGE = `usage: tsx scripts/migrate.ts <dev --name NAME [--create-only] [--accept-data-loss] | deploy | status | diff | reset --force>`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean", default: false },
      "accept-data-loss": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  if (command === "diff") return diff();

  if (!["dev", "deploy", "status", "reset"].includes(command ?? "")) {
    console.error(USAGE);
    return 2;
  }
  const database = openDatabase();
  const { target } = database;
  console.log(`Database: ${describeDatabase(database.config)}`);
  try {
    switch (command) {
      case "dev":
        return await dev(target, values);
      case "deploy":
        return await deploy(target);
      case "status":
        return await status(target);
      case "reset":
        return await reset(target, values.force);
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await database.close();
  }
}

async function deploy(target: MigrationTarget): Promise<number> {
  return withSchemaEngine(target, async (engine) => {
    const list = await readMigrationList();
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: NO_FILTERS,
    });
    printApplied(appliedMigrationNames, list.migrationDirectories.length);
    return 0;
  });
}

async function status(target: MigrationTarget): Promise<number> {
  return withSchemaEngine(target, async (engine) => {
    const list = await readMigrationList();
    const result = await engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    console.log(`${list.migrationDirectories.length} migration(s) found in prisma/migrations`);
    let healthy = true;
    if (result.failedMigrationNames.length) {
      healthy = false;
      console.log(`Failed migrations: ${result.failedMigrationNames.join(", ")}`);
    }
    if (result.editedMigrationNames.length) {
      healthy = false;
      console.log(`Edited after being applied: ${result.editedMigrationNames.join(", ")}`);
    }
    const history = result.history;
    if (history?.diagnostic === "databaseIsBehind") {
      healthy = false;
      console.log(
        `Not yet applied: ${history.unappliedMigrationNames.join(", ")} (run npm run db:deploy)`,
      );
    } else if (history?.diagnostic === "migrationsDirectoryIsBehind") {
      healthy = false;
      console.log(`Applied but missing locally: ${history.unpersistedMigrationNames.join(", ")}`);
    } else if (history?.diagnostic === "historiesDiverge") {
      healthy = false;
      console.log(
        `Histories diverge after ${history.lastCommonMigrationName ?? "the start"}: ` +
          `local only ${history.unappliedMigrationNames.join(", ") || "-"}, ` +
          `database only ${history.unpersistedMigrationNames.join(", ") || "-"}`,
      );
    }
    if (healthy) console.log("Database schema is up to date!");
    return healthy ? 0 : 1;
  });
}

async function dev(
  target: MigrationTarget,
  options: { name?: string; "create-only"?: boolean; "accept-data-loss"?: boolean },
): Promise<number> {
  const name = options.name?.trim();
  if (!name || !/^[A-Za-z0-9_]+$/.test(name)) {
    console.error(
      "Give the migration a name of letters, digits and _: npm run db:migrate -- --name add_x",
    );
    return 2;
  }
  return withSchemaEngine(target, async (engine) => {
    let list = await readMigrationList();
    const diagnostic = await engine.devDiagnostic({ migrationsList: list, filters: NO_FILTERS });
    if (diagnostic.action.tag === "reset") {
      console.error(`Drift detected: ${diagnostic.action.reason}`);
      console.error(
        "The database does not match the migration history. Reset it with npm run db:reset -- --force.",
      );
      return 1;
    }
    const applied = await engine.applyMigrations({ migrationsList: list, filters: NO_FILTERS });
    printApplied(applied.appliedMigrationNames, list.migrationDirectories.length);
    if (applied.appliedMigrationNames.length) {
      // applyMigrations drops the engine's shadow database; devDiagnostic sets it up again.
      await engine.devDiagnostic({ migrationsList: list, filters: NO_FILTERS });
    }

    const schema = await readSchemaFile();
    const dataLoss = await engine.evaluateDataLoss({
      migrationsList: list,
      schema,
      filters: NO_FILTERS,
    });
    if (dataLoss.unexecutableSteps.length) {
      for (const step of dataLoss.unexecutableSteps)
        console.error(`Cannot execute: ${step.message}`);
      return 1;
    }
    if (dataLoss.warnings.length && !options["accept-data-loss"]) {
      for (const warning of dataLoss.warnings) console.error(`Data loss: ${warning.message}`);
      console.error("Re-run with --accept-data-loss if this is intended.");
      return 1;
    }

    const created = await engine.createMigration({
      draft: Boolean(options["create-only"]),
      migrationName: name,
      migrationsList: list,
      schema,
      filters: NO_FILTERS,
    });
    if (created.migrationScript === null) {
      console.log("Already in sync: the schema needs no new migration.");
      return 0;
    }
    const dir = path.join(MIGRATIONS_DIR, created.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, `migration.${created.extension}`),
      created.migrationScript,
      "utf8",
    );
    await writeFile(
      path.join(MIGRATIONS_DIR, LOCKFILE_NAME),
      lockfileContent(created.connectorType),
      "utf8",
    );
    console.log(
      `Created prisma/migrations/${created.generatedMigrationName}/migration.${created.extension}`,
    );

    if (options["create-only"]) return 0;
    list = await readMigrationList();
    const appliedNew = await engine.applyMigrations({ migrationsList: list, filters: NO_FILTERS });
    printApplied(appliedNew.appliedMigrationNames, list.migrationDirectories.length);
    return 0;
  });
}

async function reset(target: MigrationTarget, force: boolean | undefined): Promise<number> {
  if (!force) {
    console.error(
      "This drops every table and all data. Re-run with --force: npm run db:reset -- --force",
    );
    return 2;
  }
  return withSchemaEngine(target, async (engine) => {
    await engine.reset({ filter: NO_FILTERS });
    const list = await readMigrationList();
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: NO_FILTERS,
    });
    printApplied(appliedMigrationNames, list.migrationDirectories.length);
    console.log("Database reset. Fill it with demo data with npm run db:seed.");
    return 0;
  });
}

/** Prints the SQL that would bring the migrations up to the schema, without touching a database. */
async function diff(): Promise<number> {
  const scratch = new PGlite();
  try {
    return await withSchemaEngine({ pglite: scratch }, async (engine) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...(await readMigrationList()) },
        to: { tag: "schemaDatamodel", ...(await readSchemaFile()) },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      process.stdout.write(result.stdout ?? "");
      return result.exitCode;
    });
  } finally {
    await scratch.close();
  }
}

function printApplied(names: string[], total: number) {
  if (names.length === 0) console.log(`No pending migrations (${total} applied).`);
  for (const name of names) console.log(`Applied migration ${name}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

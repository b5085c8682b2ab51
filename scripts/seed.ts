// npm run db:seed: fills an empty, migrated database with the demo users and releases.
import { readEnv } from "../lib/env";
import { describeDatabase } from "../lib/server/db/config";
import {
  demoPasswordsFor,
  isDatabaseEmpty,
  printPasswordLinks,
  seedDemoData,
} from "../lib/server/seed/seed-demo";

import { openDatabase } from "./db/open-database";
import { deployMigrations } from "./db/schema-engine";

async function main(): Promise<number> {
  const database = openDatabase();
  try {
    console.log(`Database: ${describeDatabase(database.config)}`);
    await deployMigrations(database.target);
    if (!(await isDatabaseEmpty(database.prisma))) {
      console.error("The database already has users; demo data goes only into an empty database.");
      console.error("Start over with npm run db:reset -- --force, then npm run db:seed.");
      return 1;
    }
    const result = await seedDemoData(database.prisma, { passwords: demoPasswordsFor(readEnv()) });
    console.log(`Seeded ${result.users} demo users and ${result.releases} releases and patches.`);
    printPasswordLinks(result.passwordLinks);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

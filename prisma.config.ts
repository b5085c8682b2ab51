// The stock Prisma CLI's configuration (Prisma 7 reads the database URL from here, not from the
// schema). Offline, the project's own scripts/migrate.ts drives the same migrations; where Prisma
// can download its engines, `npx prisma migrate deploy` and `npx prisma db seed` work as well.
import nextEnv from "@next/env";
import { defineConfig } from "prisma/config";

// The same .env files Next.js reads, so the CLI and the app see one DATABASE_URL.
nextEnv.loadEnvConfig(process.cwd());
const url = process.env.DATABASE_URL?.trim();

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx --conditions=react-server scripts/seed.ts",
  },
  // Only the migrate commands need it; generate works without a database.
  ...(url && { datasource: { url } }),
});

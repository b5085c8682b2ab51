// Liveness and readiness as load balancers and Kubernetes probes see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as healthRoute from "@/app/api/health/route";
import * as readyRoute from "@/app/api/ready/route";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("probes", () => {
  it("is live without asking the database", async () => {
    const response = healthRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready when every migration of this build is applied, and says which one is missing", async () => {
    const ready = await readyRoute.GET();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", pendingMigrations: [] });

    const { rows } = await db.sql(
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    );
    const latest = String(rows[0]!.migration_name);
    await db.sql("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1", [
      latest,
    ]);
    const behind = await readyRoute.GET();
    expect(behind.status).toBe(503);
    expect(await behind.json()).toEqual({
      status: "unavailable",
      database: "ok",
      pendingMigrations: [latest],
    });
    await db.sql("UPDATE _prisma_migrations SET finished_at = now() WHERE migration_name = $1", [
      latest,
    ]);
  });

  it("is not ready when the database does not answer", async () => {
    const { createPostgresClient, setDb } = await import("@/lib/server/db/client");
    const nowhere = createPostgresClient("postgresql://nobody@127.0.0.1:1/none");
    setDb(nowhere);
    try {
      const response = await readyRoute.GET();
      expect(response.status).toBe(503);
      expect((await response.json()).database).toBe("unreachable");
    } finally {
      setDb(db.prisma);
      await nowhere.$disconnect();
    }
  });
});

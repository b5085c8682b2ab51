import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MIGRATIONS_DIR, readMigrationList } from "../../scripts/db/schema-engine";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function insertAuditEvent(): Promise<string> {
  const event = await db.prisma.auditEvent.create({
    data: { action: "RELEASE_CREATED", comment: "original" },
  });
  return event.id.toString();
}

describe("migrations", () => {
  it("records every migration as stock Prisma does (checksum = sha256 of migration.sql)", async () => {
    const list = await readMigrationList();
    const { rows } = await db.sql(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(
      list.migrationDirectories.map((dir) => dir.path),
    );
    for (const row of rows) {
      const sql = readFileSync(
        path.join(MIGRATIONS_DIR, String(row.migration_name), "migration.sql"),
      );
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });
});

describe("audit trail", () => {
  it("accepts new events", async () => {
    const id = await insertAuditEvent();
    expect(await db.prisma.auditEvent.findUnique({ where: { id: BigInt(id) } })).toMatchObject({
      comment: "original",
    });
  });

  it("refuses UPDATE in the database itself", async () => {
    const id = await insertAuditEvent();
    await expect(
      db.sql("UPDATE audit_events SET comment = 'rewritten' WHERE id = $1", [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.prisma.auditEvent.update({ where: { id: BigInt(id) }, data: { comment: "rewritten" } }),
    ).rejects.toThrow();
    expect((await db.prisma.auditEvent.findUnique({ where: { id: BigInt(id) } }))?.comment).toBe(
      "original",
    );
  });

  it("refuses DELETE and TRUNCATE in the database itself", async () => {
    const id = await insertAuditEvent();
    await expect(db.sql("DELETE FROM audit_events WHERE id = $1", [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.sql("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.prisma.auditEvent.count({ where: { id: BigInt(id) } })).toBe(1);
  });
});

describe("constraints", () => {
  it("refuses a patch without a parent release and a stage ending before it starts", async () => {
    const user = await db.prisma.user.create({
      data: { email: "constraints@example.test", name: "C", passwordHash: "x" },
    });
    await expect(
      db.prisma.release.create({
        data: {
          type: "PATCH",
          name: "Orphan",
          version: "1.0.1",
          baselineGoLive: new Date("2027-03-15"),
          originalGoLive: new Date("2027-03-15"),
          createdById: user.id,
          productId: (await db.prisma.product.findFirstOrThrow()).id,
        },
      }),
    ).rejects.toThrow();
    const release = await db.prisma.release.create({
      data: {
        type: "RELEASE",
        name: "R",
        version: "1.0.0",
        baselineGoLive: new Date("2027-03-15"),
        originalGoLive: new Date("2027-03-15"),
        createdById: user.id,
        productId: (await db.prisma.product.findFirstOrThrow()).id,
      },
    });
    await expect(
      db.prisma.stageWindow.create({
        data: {
          releaseId: release.id,
          key: "DEV",
          plannedStart: new Date("2027-03-10"),
          plannedEnd: new Date("2027-03-09"),
          workingDays: 3,
        },
      }),
    ).rejects.toThrow();
  });
});

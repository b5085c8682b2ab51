// Exactly-once sign-off under real concurrency. PGlite has one connection and serialises everything,
// so this runs on PostgreSQL only (TEST_DATABASE_URL, as in CI).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { AppError } from "@/lib/errors";
import { createRelease } from "@/lib/server/releases/create-release";
import { signOffStage } from "@/lib/server/releases/stage-actions";
import type { SessionUser } from "@/lib/types/user";

import { createUser, goLiveIn, newRelease } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const isPostgres = inject("testDatabase").kind === "postgres";
let db: TestDatabase;
let manager: SessionUser;
let testers: SessionUser[];

beforeAll(async () => {
  if (!isPostgres) return;
  db = await createTestDatabase();
  manager = await createUser(db.prisma, "RELEASE_MANAGER");
  testers = [];
  for (let i = 0; i < 50; i++) testers.push(await createUser(db.prisma, "QA", `Tester ${i}`));
});
afterAll(async () => {
  if (isPostgres) await db.close();
});

function tally(results: PromiseSettledResult<unknown>[]) {
  const codes = results.map((result) =>
    result.status === "fulfilled"
      ? "OK"
      : result.reason instanceof AppError
        ? `${result.reason.kind}:${result.reason.code}`
        : String(result.reason),
  );
  return codes.reduce<Record<string, number>>(
    (counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }),
    {},
  );
}

describe.skipIf(!isPostgres)("concurrent sign-offs on PostgreSQL", () => {
  it("50 simultaneous approvals of a one-approval stage give exactly one transition", async () => {
    const release = await newRelease(manager);
    const results = await Promise.allSettled(
      testers.map((tester) =>
        signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: tester }),
      ),
    );
    const counts = tally(results);
    expect(counts.OK).toBe(1);
    expect(
      (counts["CONFLICT:STAGE_NOT_CURRENT"] ?? 0) + (counts["CONFLICT:ALREADY_DECIDED"] ?? 0),
    ).toBe(49);

    const dev = await db.prisma.stageWindow.findFirstOrThrow({
      where: { releaseId: release.id, key: "DEV" },
      include: { approvals: true },
    });
    expect(dev.status).toBe("SIGNED_OFF");
    expect(dev.approvals).toHaveLength(1);
    const events = await db.prisma.auditEvent.groupBy({
      by: ["action"],
      where: { releaseId: release.id },
      _count: true,
    });
    const count = (action: string) => events.find((e) => e.action === action)?._count ?? 0;
    expect(count("STAGE_SIGNED_OFF")).toBe(1);
    expect(count("STAGE_APPROVED")).toBe(1);
    const row = await db.prisma.release.findUniqueOrThrow({ where: { id: release.id } });
    expect(row.revision).toBe(2);
  });

  it("a two-approval stage takes exactly two approvals from 50 simultaneous ones", async () => {
    const release = await newRelease(manager);
    await db.prisma.stageWindow.updateMany({
      where: { releaseId: release.id, key: "DEV" },
      data: { approvalsRequired: 2 },
    });
    const results = await Promise.allSettled(
      testers.map((tester) =>
        signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: tester }),
      ),
    );
    expect(tally(results).OK).toBe(2);
    const dev = await db.prisma.stageWindow.findFirstOrThrow({
      where: { releaseId: release.id, key: "DEV" },
      include: { approvals: true },
    });
    expect(dev.approvals).toHaveLength(2);
    expect(new Set(dev.approvals.map((a) => a.userId)).size).toBe(2);
    expect(
      await db.prisma.auditEvent.count({
        where: { releaseId: release.id, action: "STAGE_SIGNED_OFF" },
      }),
    ).toBe(1);
  });

  it("the same person approving twice at the same moment is counted once", async () => {
    const release = await newRelease(manager);
    await db.prisma.stageWindow.updateMany({
      where: { releaseId: release.id, key: "DEV" },
      data: { approvalsRequired: 2 },
    });
    const tester = testers[0]!;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        signOffStage({ id: release.id, key: "DEV", decision: "APPROVE", actor: tester }),
      ),
    );
    expect(tally(results)).toEqual({ OK: 1, "CONFLICT:ALREADY_DECIDED": 9 });
  });
});

describe.skipIf(!isPostgres)("taking the last free slot at the same moment", () => {
  it("ten managers reserve one slot at once: exactly one gets it, the others 409 SLOT_TAKEN", async () => {
    const goLive = await goLiveIn(150);
    const managers = [manager];
    for (let i = 1; i < 10; i++) managers.push(await createUser(db.prisma, "RELEASE_MANAGER"));
    const results = await Promise.allSettled(
      managers.map((who, i) =>
        createRelease(who, {
          type: "RELEASE",
          name: `Race ${i}`,
          version: `race:${i}`,
          goLive,
          reserve: true,
        }),
      ),
    );
    expect(tally(results)).toEqual({ OK: 1, "CONFLICT:SLOT_TAKEN": 9 });
    const refused = results.find((result) => result.status === "rejected")!;
    const details = ((refused as PromiseRejectedResult).reason as AppError).details as {
      candidates: { goLive: string }[];
    };
    expect(details.candidates[0]!.goLive > goLive).toBe(true);
    expect(await db.prisma.release.count({ where: { name: { startsWith: "Race " } } })).toBe(1);
  });
});

// The JSON reader of whole releases reads exactly what Prisma reads with `releaseSelect`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { releaseSelect } from "@/lib/server/releases/release-dto";
import { readReleaseRows } from "@/lib/server/releases/release-rows";
import { seedDemoData } from "@/lib/server/seed/seed-demo";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: "2027-03-10" });
  // The demo data has no deputy's decision: one approval becomes one, to be read too.
  const approval = await db.prisma.approval.findFirstOrThrow({ orderBy: { id: "asc" } });
  const absent = await db.prisma.user.findFirstOrThrow({ where: { id: { not: approval.userId } } });
  await db.prisma.approval.update({
    where: { id: approval.id },
    data: { onBehalfOfId: absent.id },
  });
});
afterAll(() => db.close());

describe("readReleaseRows", () => {
  it("reads every demo release as Prisma does, in the order of the ids given", async () => {
    const expected = await db.prisma.release.findMany({
      select: releaseSelect,
      orderBy: [{ name: "desc" }],
    });
    // The demo data exercises every relation the reader builds.
    expect(expected.some((row) => row.parent)).toBe(true);
    expect(expected.some((row) => row.outcomePatch && row.outcomeRecordedBy)).toBe(true);
    expect(expected.some((row) => row.rolloutSteps.some((step) => step.doneBy))).toBe(true);
    expect(expected.some((row) => row.stages.some((stage) => stage.lastDeployment))).toBe(true);
    expect(expected.some((row) => row.product.approvers.length > 0)).toBe(true);
    const approvals = expected.flatMap((row) => row.stages.flatMap((stage) => stage.approvals));
    expect(approvals.some((approval) => approval.onBehalfOf)).toBe(true);
    expect(approvals.some((approval) => approval.comment)).toBe(true);

    const read = await readReleaseRows(expected.map((row) => row.id));
    expect(read).toEqual(expected);
  });

  it("answers nothing for no ids and skips ids that name no release", async () => {
    expect(await readReleaseRows([])).toEqual([]);
    const [first] = await db.prisma.release.findMany({ select: { id: true }, take: 1 });
    const read = await readReleaseRows(["00000000-0000-7000-8000-000000000000", first!.id]);
    expect(read.map((row) => row.id)).toEqual([first!.id]);
  });
});

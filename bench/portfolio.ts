// A generated portfolio for the scale benchmarks: releases and patches over three years (two behind
// today, one ahead) across many products, planned by the real planner (working days, holidays,
// freezes) and signed off by the stage rules (allowed roles, approvals required, distinct people,
// never the creator). Written with batched inserts so that 10,000 releases take seconds.
import { randomUUID } from "node:crypto";

import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { addDays, isoToDate, type IsoDate } from "../lib/domain/dates";
import { planBackward } from "../lib/domain/planner";
import { calendarFor } from "../lib/server/calendars";
import { getPlanningSettings } from "../lib/server/settings/get-planning-settings";
import { companyToday } from "../lib/server/today";

const BATCH = 400;
const SPAN_DAYS = 3 * 365;

const PRODUCT_WORDS = [
  [
    "Billing",
    "Customer",
    "Payments",
    "Mobile",
    "Search",
    "Partner",
    "Identity",
    "Pricing",
    "Order",
    "Loyalty",
  ],
  ["Engine", "Portal", "API", "Gateway", "Service"],
];

/** Fifty product names: every word of the first list with every word of the second. */
export function portfolioProductNames(count = 50): string[] {
  const names = PRODUCT_WORDS[0]!.flatMap((a) => PRODUCT_WORDS[1]!.map((b) => `${a} ${b}`));
  return names.slice(0, count);
}

type Signers = { QA: string[]; RELEASE_MANAGER: string[]; creator: string };

async function signersOf(prisma: PrismaClient): Promise<Signers> {
  const users = await prisma.user.findMany({
    where: { isActive: true, role: { in: ["QA", "RELEASE_MANAGER"] } },
    orderBy: { email: "asc" },
    select: { id: true, role: true },
  });
  const ids = (role: string) => users.filter((user) => user.role === role).map((u) => u.id);
  const managers = ids("RELEASE_MANAGER");
  if (ids("QA").length < 2 || managers.length < 2)
    throw new Error(
      "The portfolio needs two QA people and two release managers (seed the demo first).",
    );
  return { QA: ids("QA"), RELEASE_MANAGER: managers.slice(1), creator: managers[0]! };
}

/**
 * Adds `count` releases to the database (numbered from `first`, so that a second call extends the
 * portfolio). Go-lives are spread evenly over the three years; every fifth one is a patch.
 */
export async function seedPortfolio(
  prisma: PrismaClient,
  count: number,
  options: { first?: number; products?: number } = {},
): Promise<void> {
  const first = options.first ?? 0;
  const settings = await getPlanningSettings(prisma);
  const calendar = calendarFor(settings.defaultRegion, settings.periods);
  const today = companyToday(settings.companyTimeZone);
  const signers = await signersOf(prisma);

  const productIds: string[] = [];
  for (const name of portfolioProductNames(options.products)) {
    const key = `p-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    const product = await prisma.product.upsert({
      where: { key },
      create: { key, name: `${name} (portfolio)` },
      update: {},
      select: { id: true },
    });
    productIds.push(product.id);
  }

  const start = addDays(today, -2 * 365);
  for (let from = 0; from < count; from += BATCH) {
    const releases: Prisma.ReleaseCreateManyInput[] = [];
    const stages: Prisma.StageWindowCreateManyInput[] = [];
    const approvals: Prisma.ApprovalCreateManyInput[] = [];
    let parentId: string | null = null;
    for (let n = from; n < Math.min(count, from + BATCH); n++) {
      const i = first + n;
      // Spread over the span by a golden-ratio walk, so that any prefix is spread too.
      const offset = Math.floor(((i * 0.618_033_988_75) % 1) * SPAN_DAYS);
      const goLive = nextGoLive(addDays(start, offset));
      const plan = planBackward(goLive, settings.durations, calendar);
      const id = randomUUID();
      const isPatch = i % 5 === 4 && parentId !== null;
      const cancelled = i % 37 === 0;
      // One in nine under way runs late: the stage due before today is still open.
      const late = i % 9 === 0 ? 1 : 0;
      const signedUntil = addDays(today, -late * 3);
      // The current stage is the first not signed off; it is active once its start has come.
      const current = plan.stages.findIndex((stage) => stage.end >= signedUntil);
      const fixed = plan.stages.map((stage, index) =>
        current === -1 || index < current
          ? "SIGNED_OFF"
          : index === current && stage.start <= today
            ? "ACTIVE"
            : "PENDING",
      );
      const status = cancelled
        ? "CANCELLED"
        : current === -1
          ? "LIVE"
          : fixed[0] === "PENDING"
            ? "PLANNED"
            : "IN_PROGRESS";
      const product = productIds[i % productIds.length]!;
      releases.push({
        id,
        name: `${portfolioProductNames(options.products)[i % productIds.length]} ${2025 + Math.floor(offset / 365)}.${i}`,
        version: `portfolio-${i}.0.0`,
        type: isPatch ? "PATCH" : "RELEASE",
        parentId: isPatch ? parentId : null,
        region: settings.defaultRegion,
        status,
        baselineGoLive: isoToDate(plan.goLive),
        originalGoLive: isoToDate(plan.goLive),
        createdById: signers.creator,
        productId: product,
        outcome: status === "LIVE" && i % 3 === 0 ? "KEPT" : null,
      });
      plan.stages.forEach((stage, index) => {
        const stageId = randomUUID();
        const stageState =
          status === "CANCELLED" && fixed[index] === "ACTIVE" ? "ACTIVE" : fixed[index]!;
        const rule = settings.stageRules[stage.key];
        stages.push({
          id: stageId,
          releaseId: id,
          key: stage.key,
          status: stageState,
          plannedStart: isoToDate(stage.start),
          plannedEnd: isoToDate(stage.end),
          actualStart: stageState === "PENDING" ? null : isoToDate(stage.start),
          actualEnd: stageState === "SIGNED_OFF" ? isoToDate(stage.end) : null,
          workingDays: stage.workingDays,
          approvalsRequired: rule.approvalsRequired,
        });
        if (stageState !== "SIGNED_OFF") return;
        const pool = rule.allowedRoles.includes("QA") ? signers.QA : signers.RELEASE_MANAGER;
        for (let k = 0; k < rule.approvalsRequired; k++) {
          approvals.push({
            stageWindowId: stageId,
            userId: pool[(i + k) % pool.length]!,
            decision: "APPROVE",
            createdAt: new Date(`${stage.end}T15:00:00Z`),
          });
        }
      });
      if (!isPatch) parentId = id;
    }
    await prisma.release.createMany({ data: releases });
    await prisma.stageWindow.createMany({ data: stages });
    await prisma.approval.createMany({ data: approvals });
  }

  function nextGoLive(day: IsoDate): IsoDate {
    let candidate = day;
    while (!calendar.isWorkingDay(candidate) || calendar.freezeOn(candidate))
      candidate = addDays(candidate, 1);
    return candidate;
  }
}

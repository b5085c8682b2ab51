import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { dateToIso } from "@/lib/domain/dates";
import type { StageDates } from "@/lib/domain/release";

/** The columns of a ReleaseSummary (lib/domain/release.ts). */
export const releaseSummarySelect = {
  id: true,
  name: true,
  version: true,
  type: true,
  status: true,
  region: true,
  baselineGoLive: true,
  product: { select: { key: true, name: true } },
} satisfies Prisma.ReleaseSelect;

/** A product's named approvers, per stage. */
export const productApproversSelect = {
  orderBy: { user: { name: "asc" } },
  select: {
    stageKey: true,
    user: { select: { id: true, name: true, email: true, isActive: true } },
  },
} satisfies Prisma.Product$approversArgs;

/** A release's six stage windows in process order, as StageDates. */
export const stageDatesSelect = {
  orderBy: { key: "asc" },
  select: {
    key: true,
    status: true,
    plannedStart: true,
    plannedEnd: true,
    actualStart: true,
    actualEnd: true,
    workingDays: true,
  },
} satisfies Prisma.Release$stagesArgs;

type StageDatesRow = Prisma.StageWindowGetPayload<{ select: typeof stageDatesSelect.select }>;

export function toStageDates(row: StageDatesRow): StageDates {
  return {
    key: row.key,
    status: row.status,
    plannedStart: dateToIso(row.plannedStart),
    plannedEnd: dateToIso(row.plannedEnd),
    actualStart: row.actualStart ? dateToIso(row.actualStart) : null,
    actualEnd: row.actualEnd ? dateToIso(row.actualEnd) : null,
    workingDays: row.workingDays,
  };
}

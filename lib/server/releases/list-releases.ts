import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { isoToDate } from "@/lib/domain/dates";
import type { PlanningSettings } from "@/lib/domain/settings";
import { getDb } from "@/lib/server/db/client";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { ReleaseDto } from "@/lib/types/release";
import type { ReleaseListQuery } from "@/lib/validation/releases";

import { releaseContext } from "./release-context";
import { releaseInclude, toReleaseDto } from "./release-dto";

/** The filter of the releases list, the timeline and the calendar (one query shape for all). */
export function releaseWhere(query: ReleaseListQuery): Prisma.ReleaseWhereInput {
  const where: Prisma.ReleaseWhereInput = {};
  if (query.type) where.type = query.type;
  if (query.status) where.status = { in: query.status };
  if (query.region) where.region = query.region;
  if (query.product) where.product = { key: { in: query.product } };
  if (query.q) {
    where.OR = [
      { name: { contains: query.q, mode: "insensitive" } },
      { version: { contains: query.q, mode: "insensitive" } },
    ];
  }
  if (query.from || query.to) {
    // A release lies in the range when any of its stage windows overlaps it.
    where.stages = {
      some: {
        ...(query.to && { plannedStart: { lte: isoToDate(query.to) } }),
        ...(query.from && { plannedEnd: { gte: isoToDate(query.from) } }),
      },
    };
  }
  return where;
}

/** Releases and patches matching the filters, each with its six stages, by forecast go-live. */
export async function listReleases(
  query: ReleaseListQuery = {},
  knownSettings?: PlanningSettings,
): Promise<ReleaseDto[]> {
  const where = releaseWhere(query);
  const [rows, settings] = await Promise.all([
    getDb().release.findMany({ where, include: releaseInclude }),
    knownSettings ?? getPlanningSettings(),
  ]);
  const context = releaseContext(settings);
  return rows
    .map((row) => toReleaseDto(row, context))
    .sort(
      (a, b) => a.forecastGoLive.localeCompare(b.forecastGoLive) || a.name.localeCompare(b.name),
    );
}

import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { dateToIso, type IsoDate, isoToDate } from "@/lib/domain/dates";
import { buildDeliveryReport, type DeliveryReport } from "@/lib/domain/delivery-report";
import type { PlanningSettings } from "@/lib/domain/settings";
import type { ReleaseType } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import {
  releaseSummarySelect,
  stageDatesSelect,
  toStageDates,
} from "@/lib/server/releases/selects";
import { companyToday } from "@/lib/server/today";

const reportSelect = {
  ...releaseSummarySelect,
  originalGoLive: true,
  outcome: true,
  restoredOn: true,
  outcomePatch: {
    select: { stages: { where: { key: "PROD" }, select: { status: true, actualEnd: true } } },
  },
  stages: stageDatesSelect,
} satisfies Prisma.ReleaseSelect;

function patchLiveOn(prod: { status: string; actualEnd: Date | null } | undefined): IsoDate | null {
  return prod?.status === "SIGNED_OFF" && prod.actualEnd ? dateToIso(prod.actualEnd) : null;
}

/** The delivery report of a period: the releases that went live, were signed off or are due in it. */
export async function getDeliveryReport(
  period: { from: IsoDate; to: IsoDate; type?: ReleaseType; product?: string[] },
  settings: PlanningSettings,
): Promise<DeliveryReport> {
  const from = isoToDate(period.from);
  const to = isoToDate(period.to);
  const rows = await getDb().release.findMany({
    where: {
      status: { not: "CANCELLED" },
      ...(period.type && { type: period.type }),
      ...(period.product && { product: { key: { in: period.product } } }),
      stages: {
        some: {
          OR: [
            { actualEnd: { gte: from, lte: to } },
            { actualStart: { gte: from, lte: to } },
            { plannedStart: { gte: from, lte: to } },
          ],
        },
      },
    },
    select: reportSelect,
  });
  return buildDeliveryReport({
    from: period.from,
    to: period.to,
    today: companyToday(settings.companyTimeZone),
    calendarOf: (region) => calendarFor(region, settings.periods),
    releases: rows.map(({ outcomePatch, restoredOn, ...row }) => ({
      ...row,
      // Rolled forward: service is restored the day the fixing patch goes live.
      restoredOn:
        row.outcome === "ROLLED_FORWARD"
          ? patchLiveOn(outcomePatch?.stages[0])
          : restoredOn && dateToIso(restoredOn),
      baselineGoLive: dateToIso(row.baselineGoLive),
      originalGoLive: dateToIso(row.originalGoLive),
      stages: row.stages.map(toStageDates),
    })),
  });
}

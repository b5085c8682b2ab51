import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { type IsoDate, isoToDate } from "@/lib/domain/dates";
import {
  buildDeliveryReport,
  type DeliveryReport,
  type ReportRelease,
} from "@/lib/domain/delivery-report";
import { wentLiveOn } from "@/lib/domain/progress";
import type { PlanningSettings } from "@/lib/domain/settings";
import type { ReleaseType, StageStatus } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import {
  idList,
  queryJsonRows,
  stageDatesJson,
  type StageDatesJson,
  toStageDatesFromJson,
} from "@/lib/server/db/json-rows";
import { companyToday } from "@/lib/server/today";

type ReportRow = Omit<ReportRelease, "stages" | "restoredOn"> & {
  restoredOn: IsoDate | null;
  /** The fixing patch's PROD stage (rolled forward). */
  patchProd: { status: StageStatus; actualEnd: IsoDate | null } | null;
  stages: StageDatesJson[];
};

function patchLiveOn(prod: ReportRow["patchProd"]): IsoDate | null {
  return prod ? wentLiveOn(prod) : null;
}

/** The delivery report of a period: the releases that went live, were signed off or are due in it. */
export async function getDeliveryReport(
  period: { from: IsoDate; to: IsoDate; type?: ReleaseType; product?: string[] },
  settings: PlanningSettings,
): Promise<DeliveryReport> {
  const from = isoToDate(period.from);
  const to = isoToDate(period.to);
  const ids = await getDb().release.findMany({
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
    select: { id: true },
  });
  // A year of a large portfolio is thousands of releases: read as JSON built by PostgreSQL.
  const rows =
    ids.length === 0
      ? []
      : await queryJsonRows<ReportRow>(Prisma.sql`
          SELECT json_build_object(
            'id', r.id, 'name', r.name, 'version', r.version, 'type', r.type,
            'status', r.status, 'region', r.region, 'baselineGoLive', r.baseline_go_live,
            'product', json_build_object('key', p.key, 'name', p.name),
            'originalGoLive', r.original_go_live, 'outcome', r.outcome,
            'restoredOn', r.restored_on,
            'patchProd', (SELECT json_build_object('status', w.status, 'actualEnd', w.actual_end)
              FROM stage_windows w WHERE w.release_id = r.outcome_patch_id AND w.key = 'PROD'),
            'stages', ${stageDatesJson("r")}) AS doc
          FROM releases r JOIN products p ON p.id = r.product_id
          WHERE r.id = ANY(${idList(ids.map((row) => row.id))})`);
  return buildDeliveryReport({
    from: period.from,
    to: period.to,
    today: companyToday(settings.companyTimeZone),
    calendarOf: (region) => calendarFor(region, settings.periods),
    releases: rows.map(({ patchProd, restoredOn, stages, ...row }) => ({
      ...row,
      // Rolled forward: service is restored the day the fixing patch goes live.
      restoredOn: row.outcome === "ROLLED_FORWARD" ? patchLiveOn(patchProd) : restoredOn,
      stages: toStageDatesFromJson(stages),
    })),
  });
}

import "server-only";

import { type CsvValue, toCsv } from "@/lib/csv";
import type { IsoDate } from "@/lib/domain/dates";
import { wentLiveOn } from "@/lib/domain/progress";
import { STAGE_KEYS, type ReleaseType } from "@/lib/domain/stages";
import { listReleases } from "@/lib/server/releases/list-releases";

const STAGE_COLUMNS = [
  "status",
  "planned_start",
  "planned_end",
  "actual_start",
  "actual_end",
  "working_days",
];

export const RELEASE_CSV_HEADER = [
  "id",
  "name",
  "version",
  "digest",
  "type",
  "product",
  "status",
  "parent",
  "region",
  "baseline_go_live",
  "forecast_go_live",
  "live_on",
  "slip_working_days",
  "at_risk",
  ...STAGE_KEYS.flatMap((key) => STAGE_COLUMNS.map((column) => `${key.toLowerCase()}_${column}`)),
];

/** Every release and patch with a stage window in the period, with its stage dates, as CSV (dates YYYY-MM-DD). */
export async function exportReleasesCsv(period: {
  from: IsoDate;
  to: IsoDate;
  type?: ReleaseType;
  product?: string[];
}): Promise<string> {
  const releases = await listReleases(period);
  const rows: CsvValue[][] = releases.map((release) => {
    const prod = release.stages.at(-1)!;
    return [
      release.id,
      release.name,
      release.version,
      release.digest,
      release.type,
      release.product.key,
      release.status,
      release.parent?.name ?? null,
      release.region,
      release.baselineGoLive,
      release.forecastGoLive,
      release.status === "LIVE" ? wentLiveOn(prod) : null,
      release.slipWorkingDays,
      release.atRisk,
      ...release.stages.flatMap((stage) => [
        stage.status,
        stage.plannedStart,
        stage.plannedEnd,
        stage.actualStart,
        stage.actualEnd,
        stage.workingDays,
      ]),
    ];
  });
  return toCsv(RELEASE_CSV_HEADER, rows);
}

import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { conflictsOfCandidate, type Occupancy, occupanciesOf } from "@/lib/domain/conflicts";
import { addDays, type IsoDate, maxDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { searchEarliestGoLive, windowDays } from "@/lib/domain/plan-search";
import { planBackward, planForward } from "@/lib/domain/planner";
import { forecastOf } from "@/lib/domain/progress";
import type { PlanningSettings } from "@/lib/domain/settings";
import { type ReleaseStatus, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { calendarFor } from "@/lib/server/calendars";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import {
  queryJsonRows,
  stageDatesJson,
  type StageDatesJson,
  toStageDatesFromJson,
} from "@/lib/server/db/json-rows";
import { productIdFor } from "@/lib/server/products/products";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { PlanSearchResult } from "@/lib/types/planning";
import type { PlanSearchRequest } from "@/lib/validation/plan";

import { CANDIDATE_ID } from "./plan-release";

/**
 * Where the releases still to go live stand in the capacity-limited environments between two
 * days, by their forecast today: not cancelled, not live, and not the release left out. A release
 * on time is forecast as it stands (actual dates where there are, planned ones elsewhere): those
 * stage windows come straight from the database, one flat row each. Only the few overdue ones
 * (an open stage past its planned end: the rest moves) are read whole and forecast here.
 */
export async function forecastOccupancies(
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  options: { exclude?: string; today?: IsoDate; tx?: DbTransaction } = {},
): Promise<Occupancy[]> {
  const limited = STAGE_KEYS.filter((key) => settings.capacity[key] !== null);
  if (limited.length === 0) return [];
  const today = options.today ?? companyToday(settings.companyTimeZone);
  const exclude = options.exclude ?? null;
  const keys = Prisma.sql`ARRAY[${Prisma.join(limited)}]::stage_key[]`;
  const overdue = Prisma.sql`r.status IN ('PLANNED', 'IN_PROGRESS', 'ON_HOLD') AND EXISTS (
      SELECT 1 FROM stage_windows o
       WHERE o.release_id = r.id AND o.status <> 'SIGNED_OFF' AND o.planned_end < ${today}::date)`;
  const notExcluded = Prisma.sql`(${exclude}::uuid IS NULL OR r.id <> ${exclude}::uuid)`;
  const [onTime, late] = await Promise.all([
    queryJsonRows<[string, string, StageKey, IsoDate, IsoDate]>(
      Prisma.sql`
      SELECT json_build_array(r.id, r.name, w.key, coalesce(w.actual_start, w.planned_start),
               greatest(coalesce(w.actual_end, w.planned_end), coalesce(w.actual_start, w.planned_start))) AS doc
        FROM stage_windows w JOIN releases r ON r.id = w.release_id
       WHERE r.status NOT IN ('CANCELLED', 'LIVE') AND ${notExcluded} AND w.key = ANY(${keys})
         AND coalesce(w.actual_start, w.planned_start) <= ${range.end}::date
         AND greatest(coalesce(w.actual_end, w.planned_end), coalesce(w.actual_start, w.planned_start)) >= ${range.start}::date
         AND NOT (${overdue})`,
      options.tx,
    ),
    queryJsonRows<{
      id: string;
      name: string;
      region: string;
      status: ReleaseStatus;
      stages: StageDatesJson[];
    }>(
      Prisma.sql`
      SELECT json_build_object('id', r.id, 'name', r.name, 'region', r.region, 'status', r.status,
               'stages', ${stageDatesJson("r")}) AS doc
        FROM releases r
       WHERE r.status NOT IN ('CANCELLED', 'LIVE') AND ${notExcluded} AND ${overdue}`,
      options.tx,
    ),
  ]);
  const occupancies: Occupancy[] = onTime.map(
    ([releaseId, releaseName, environment, start, end]) => ({
      releaseId,
      releaseName,
      environment,
      start,
      end,
    }),
  );
  for (const release of late) {
    const stages = toStageDatesFromJson(release.stages);
    const forecast = forecastOf(
      { status: release.status, stages },
      today,
      calendarFor(release.region, settings.periods),
    );
    for (const stage of forecast.stages) {
      const end = maxDate(stage.end, stage.start);
      if (!limited.includes(stage.key) || stage.start > range.end || end < range.start) continue;
      occupancies.push({
        releaseId: release.id,
        releaseName: release.name,
        environment: stage.key,
        start: stage.start,
        end,
      });
    }
  }
  return occupancies;
}

/**
 * The earliest go-lives whose whole plan fits in the environments, from a wished go-live (or the
 * go-live of a wished start's forward plan), counting every release not cancelled or live by its
 * forecast today. Writes nothing.
 */
export async function searchPlan(
  request: PlanSearchRequest,
  knownSettings?: PlanningSettings,
): Promise<PlanSearchResult> {
  const settings = knownSettings ?? (await getPlanningSettings());
  const region = request.region ?? settings.defaultRegion;
  assertKnownRegion(region);
  const db = getDb();
  if (request.product) await productIdFor(request.product, db);
  if (request.releaseId) {
    const found = await db.release.count({ where: { id: request.releaseId } });
    if (!found) {
      throw new AppError("NOT_FOUND", "RELEASE_NOT_FOUND", "There is no release with this id.", {
        releaseId: request.releaseId,
      });
    }
  }
  const calendar = calendarFor(region, settings.periods);
  const wishedGoLive =
    request.goLive ?? planForward(request.start!, settings.durations, calendar).goLive;
  const margin = windowDays(settings.durations);
  const occupancies = await forecastOccupancies(
    {
      start: addDays(wishedGoLive, -margin),
      end: addDays(wishedGoLive, request.horizonDays + margin),
    },
    settings,
    { exclude: request.releaseId },
  );
  const search = searchEarliestGoLive({
    wishedGoLive,
    calendar,
    durations: settings.durations,
    capacity: settings.capacity,
    occupancies,
    horizonDays: request.horizonDays,
    count: request.count,
  });
  const wish = calendar.isWorkingDay(wishedGoLive)
    ? planBackward(wishedGoLive, settings.durations, calendar)
    : null;
  const conflicts = wish
    ? conflictsOfCandidate(
        occupanciesOf({ id: CANDIDATE_ID, name: "This plan" }, wish.stages),
        occupancies,
        settings.capacity,
      )
    : [];
  return { region, ...search, wish: { goLive: wishedGoLive, conflicts } };
}

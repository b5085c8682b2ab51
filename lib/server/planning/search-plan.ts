import "server-only";

import { conflictsOfCandidate, type Occupancy, occupanciesOf } from "@/lib/domain/conflicts";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { searchEarliestGoLive, windowDays } from "@/lib/domain/plan-search";
import { planBackward, planForward } from "@/lib/domain/planner";
import type { PlanningSettings } from "@/lib/domain/settings";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { calendarFor } from "@/lib/server/calendars";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { readForecastOccupants } from "@/lib/server/environments/get-environment-usage";
import { productIdFor } from "@/lib/server/products/products";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { PlanSearchResult } from "@/lib/types/planning";
import type { PlanSearchRequest } from "@/lib/validation/plan";

import { CANDIDATE_ID } from "./plan-release";

/**
 * Where the releases still to go live stand in the capacity-limited environments between two
 * days, by their forecast today: not cancelled, not live, and not the release left out.
 */
export async function forecastOccupancies(
  range: { start: IsoDate; end: IsoDate },
  settings: PlanningSettings,
  options: { exclude?: string; today?: IsoDate; tx?: DbTransaction } = {},
): Promise<Occupancy[]> {
  const limited = new Set(STAGE_KEYS.filter((key) => settings.capacity[key] !== null));
  if (limited.size === 0) return [];
  const today = options.today ?? companyToday(settings.companyTimeZone);
  const releases = await readForecastOccupants(range, settings, today, options.tx);
  return releases.flatMap((release) =>
    release.status === "LIVE" || release.id === options.exclude
      ? []
      : occupanciesOf(
          release,
          release.stages.filter(
            (stage) =>
              limited.has(stage.key) && stage.end >= range.start && stage.start <= range.end,
          ),
        ),
  );
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

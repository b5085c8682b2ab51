import "server-only";

// Taking a slot found by the search: capacity is checked again inside the write transaction, one
// writer per environment at a time (a transaction-scoped advisory lock per capacity-limited
// environment, always taken in process order), so two managers who take the last free slot at the
// same moment cannot both get it. The second sees the first's release and is refused with the next
// candidates. Plans made without `reserve` keep the old behaviour: conflicts allowed and reported.
import { conflictsOfCandidate, occupanciesOf } from "@/lib/domain/conflicts";
import { addDays, type IsoDate, maxDate, minDate } from "@/lib/domain/dates";
import { MAX_HORIZON_DAYS, searchEarliestGoLive, windowDays } from "@/lib/domain/plan-search";
import type { PlanningSettings } from "@/lib/domain/settings";
import { STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { calendarFor } from "@/lib/server/calendars";
import type { DbTransaction } from "@/lib/server/db/client";

import { CANDIDATE_ID } from "./plan-release";
import { forecastOccupancies } from "./search-plan";

/** The advisory locks' namespace (the first of pg_advisory_xact_lock's two keys). */
const ENVIRONMENT_LOCKS = 20_261_206;

/**
 * One writer at a time per capacity-limited environment, until the transaction ends: taken in
 * process order, so two writers never wait for each other in a circle.
 */
export async function lockEnvironments(
  tx: DbTransaction,
  settings: PlanningSettings,
): Promise<void> {
  for (const key of STAGE_KEYS) {
    if (settings.capacity[key] === null) continue;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ENVIRONMENT_LOCKS}::int, ${STAGE_KEYS.indexOf(key)}::int)::text`;
  }
}

/**
 * Refuses (409 SLOT_TAKEN, with the next candidates) a plan whose stage windows no longer fit in
 * their environments; holds the environments' locks until the transaction ends.
 */
export async function assertSlotFree(
  tx: DbTransaction,
  input: {
    stages: readonly { key: StageKey; start: IsoDate; end: IsoDate }[];
    region: string;
    settings: PlanningSettings;
    today: IsoDate;
    /** The release re-planned, whose own windows do not count. */
    exclude?: string;
  },
): Promise<void> {
  const { settings, stages } = input;
  await lockEnvironments(tx, settings);
  if (stages.length === 0) return;
  const goLive = stages.find((stage) => stage.key === "PROD")?.start ?? stages.at(-1)!.start;
  const margin = windowDays(settings.durations);
  const range = {
    start: minDate(addDays(goLive, -margin), stages[0]!.start),
    end: maxDate(addDays(goLive, MAX_HORIZON_DAYS + margin), stages.at(-1)!.end),
  };
  const occupancies = await forecastOccupancies(range, settings, {
    exclude: input.exclude,
    today: input.today,
    tx,
  });
  const conflicts = conflictsOfCandidate(
    occupanciesOf({ id: CANDIDATE_ID, name: "This plan" }, stages),
    occupancies,
    settings.capacity,
  );
  if (conflicts.length === 0) return;
  const { candidates } = searchEarliestGoLive({
    wishedGoLive: goLive,
    calendar: calendarFor(input.region, settings.periods),
    durations: settings.durations,
    capacity: settings.capacity,
    occupancies,
    count: 3,
  });
  const first = conflicts[0]!;
  throw new AppError(
    "CONFLICT",
    "SLOT_TAKEN",
    `The slot was taken meanwhile: ${first.environment} is full from ${first.start} to ${first.end}. ` +
      (candidates.length
        ? `The earliest free go-live now: ${candidates[0]!.goLive}.`
        : "Nothing fits within a year."),
    { conflicts, candidates },
  );
}

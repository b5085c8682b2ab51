// Environment conflicts: more releases planned in an environment on the same day than it has room
// for. LAST, INT and PREPROD are exclusive by default (capacity 1). A conflict is a warning for the
// planner and the calendar, never a hard block.
import { addDays, formatDisplayDate, type IsoDate } from "./dates";
import { STAGE_KEYS, STAGE_NAMES, type StageKey } from "./stages";

/** Releases an environment can hold on one day; `null` = unlimited. */
export type EnvironmentCapacity = Record<StageKey, number | null>;

export const DEFAULT_ENVIRONMENT_CAPACITY: EnvironmentCapacity = {
  DEV: null,
  TEST: null,
  LAST: 1,
  INT: 1,
  PREPROD: 1,
  PROD: null,
};

/** A release occupying an environment from `start` to `end` (calendar days, both included). */
export type Occupancy = {
  releaseId: string;
  releaseName: string;
  environment: StageKey;
  start: IsoDate;
  end: IsoDate;
};

export type EnvironmentConflict = {
  environment: StageKey;
  start: IsoDate;
  end: IsoDate;
  capacity: number;
  releases: { id: string; name: string }[];
};

/** A conflict's identity: an environment has one conflict starting on a day at most. */
export function conflictKey(conflict: Pick<EnvironmentConflict, "environment" | "start">): string {
  return `${conflict.environment}-${conflict.start}`;
}

const byName = new Intl.Collator();
const byId = (a: Occupancy, b: Occupancy) => a.releaseId.localeCompare(b.releaseId);

/**
 * Every stretch of days on which an environment holds more releases than its capacity, with the
 * releases involved. Consecutive days with the same releases form one conflict.
 */
export function findEnvironmentConflicts(
  occupancies: readonly Occupancy[],
  capacity: EnvironmentCapacity = DEFAULT_ENVIRONMENT_CAPACITY,
): EnvironmentConflict[] {
  const conflicts: EnvironmentConflict[] = [];
  for (const environment of STAGE_KEYS) {
    const limit = capacity[environment];
    if (limit === null) continue;
    // In the order a conflict lists its releases (by name): every day's subset keeps it.
    const inEnvironment = occupancies
      .filter((o) => o.environment === environment && o.start <= o.end)
      .sort((a, b) => byName.compare(a.releaseName, b.releaseName) || byId(a, b));
    if (inEnvironment.length <= limit) continue;

    // Sweep over the days where the set of present releases changes.
    const boundaries = [
      ...new Set(inEnvironment.flatMap((o) => [o.start, addDays(o.end, 1)])),
    ].sort();
    let open: EnvironmentConflict | undefined;
    for (let i = 0; i < boundaries.length - 1; i++) {
      const from = boundaries[i]!;
      const to = addDays(boundaries[i + 1]!, -1);
      const present = inEnvironment.filter((o) => o.start <= from && o.end >= from);
      const ids = present.map((o) => o.releaseId).join(",");
      if (present.length > limit) {
        if (
          open &&
          open.releases.map((r) => r.id).join(",") === ids &&
          addDays(open.end, 1) === from
        ) {
          open.end = to;
          continue;
        }
        open = {
          environment,
          start: from,
          end: to,
          capacity: limit,
          releases: present.map((o) => ({ id: o.releaseId, name: o.releaseName })),
        };
        conflicts.push(open);
      } else {
        open = undefined;
      }
    }
  }
  return conflicts.sort(
    (a, b) =>
      a.start.localeCompare(b.start) ||
      STAGE_KEYS.indexOf(a.environment) - STAGE_KEYS.indexOf(b.environment),
  );
}

/** The occupancies of a plan's stages (or a release's current plan). */
export function occupanciesOf(
  release: { id: string; name: string },
  stages: readonly { key: StageKey; start: IsoDate; end: IsoDate }[],
): Occupancy[] {
  return stages.map((stage) => ({
    releaseId: release.id,
    releaseName: release.name,
    environment: stage.key,
    start: stage.start,
    end: stage.end,
  }));
}

/** The conflicts a candidate plan would take part in, against the releases already planned. */
export function conflictsOfCandidate(
  candidate: readonly Occupancy[],
  others: readonly Occupancy[],
  capacity: EnvironmentCapacity = DEFAULT_ENVIRONMENT_CAPACITY,
): EnvironmentConflict[] {
  const candidateId = candidate[0]?.releaseId;
  // Only what shares a day with the candidate in its environment can be in a conflict with it.
  const nearby = others.filter((other) =>
    candidate.some(
      (own) =>
        own.environment === other.environment && own.start <= other.end && other.start <= own.end,
    ),
  );
  return findEnvironmentConflicts([...candidate, ...nearby], capacity).filter((conflict) =>
    conflict.releases.some((release) => release.id === candidateId),
  );
}

/** One sentence that says what a conflict is and why it counts, for the calendar and the environments view. */
/** Releases a conflict's sentence names before it counts the others. */
export const NAMED_IN_CONFLICT = 5;

export function explainConflict(conflict: EnvironmentConflict): string {
  const when =
    conflict.start === conflict.end
      ? `On ${formatDisplayDate(conflict.start)}`
      : `From ${formatDisplayDate(conflict.start)} to ${formatDisplayDate(conflict.end)}`;
  // A busy environment can hold hundreds at once: name the first few and count the others.
  const all = conflict.releases.map((release) => release.name);
  const names =
    all.length > NAMED_IN_CONFLICT
      ? [...all.slice(0, NAMED_IN_CONFLICT - 1), `${all.length - NAMED_IN_CONFLICT + 1} others`]
      : all;
  const who =
    names.length === 2
      ? `both ${names[0]} and ${names[1]}`
      : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const room =
    conflict.capacity === 1 ? "one release at a time" : `${conflict.capacity} releases at a time`;
  return `${when}, ${who} are planned in ${conflict.environment} (${STAGE_NAMES[conflict.environment]}), which takes ${room}.`;
}

// What a re-plan would move, before anyone saves it: every stage window before and after, the
// go-live shift in working days, the freeze windows the new plan runs through, and the environment
// conflicts it would add or clear. Pure: the server hands in the other releases' occupancies.
import {
  conflictsOfCandidate,
  type EnvironmentCapacity,
  type EnvironmentConflict,
  type Occupancy,
  occupanciesOf,
} from "./conflicts";
import type { IsoDate } from "./dates";
import { slipInWorkingDays } from "./progress";
import type { Replan } from "./replan";
import type { StageState } from "./signoff";
import type { StageKey, StageStatus } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

type Window = { start: IsoDate; end: IsoDate; workingDays: number };

export type StageMove = {
  key: StageKey;
  status: StageStatus;
  before: Window;
  after: Window;
  /** Working days the end moves (negative = earlier). */
  endShift: number;
};

export type WhatIf = {
  stages: StageMove[];
  goLive: { before: IsoDate; after: IsoDate; shiftWorkingDays: number };
  baseline: { before: IsoDate; after: IsoDate };
  windowWorkingDays: { before: number; after: number };
  notes: string[];
  /** Freeze windows the new plan's stages run through (work goes on there; no go-live). */
  freezes: { name: string; start: IsoDate; end: IsoDate; stages: StageKey[] }[];
  conflicts: {
    added: EnvironmentConflict[];
    resolved: EnvironmentConflict[];
    remaining: EnvironmentConflict[];
  };
};

/** One conflict is "the same" before and after when it is in the same environment with the same releases. */
const identity = (c: EnvironmentConflict) =>
  `${c.environment}:${c.releases
    .map((r) => r.id)
    .sort()
    .join(",")}`;

export function whatIf(input: {
  release: { id: string; name: string; baselineGoLive: IsoDate; stages: readonly StageState[] };
  replan: Replan;
  calendar: WorkingDayCalendar;
  /** Where the other releases are planned in capacity-limited environments. */
  others: readonly Occupancy[];
  capacity: EnvironmentCapacity;
}): WhatIf {
  const { release, replan, calendar, others, capacity } = input;
  const changes = new Map(replan.stageChanges.map((change) => [change.key, change]));
  const stages: StageMove[] = release.stages.map((stage) => {
    const change = changes.get(stage.key);
    const before = {
      start: stage.plannedStart,
      end: stage.plannedEnd,
      workingDays: stage.workingDays,
    };
    const after = {
      start: change?.plannedStart ?? before.start,
      end: change?.plannedEnd ?? before.end,
      workingDays: change?.workingDays ?? before.workingDays,
    };
    return {
      key: stage.key,
      status: stage.status,
      before,
      after,
      endShift: slipInWorkingDays(before.end, after.end, calendar),
    };
  });
  const goLiveBefore = stages.at(-1)!.before.start;
  const goLiveAfter = stages.at(-1)!.after.start;

  const freezes = new Map<string, WhatIf["freezes"][number]>();
  for (const stage of stages) {
    if (stage.status === "SIGNED_OFF") continue;
    for (const day of calendar.describeDays(stage.after.start, stage.after.end)) {
      if (!day.freeze) continue;
      const key = `${day.freeze.name}:${day.freeze.start}`;
      const entry = freezes.get(key) ?? { ...day.freeze, stages: [] };
      if (!entry.stages.includes(stage.key)) entry.stages.push(stage.key);
      freezes.set(key, entry);
    }
  }

  const who = { id: release.id, name: release.name };
  const conflictsOf = (windows: { key: StageKey; start: IsoDate; end: IsoDate }[]) =>
    conflictsOfCandidate(occupanciesOf(who, windows), others, capacity);
  const before = conflictsOf(stages.map((s) => ({ key: s.key, ...s.before })));
  const after = conflictsOf(stages.map((s) => ({ key: s.key, ...s.after })));
  const beforeIds = new Set(before.map(identity));
  const afterIds = new Set(after.map(identity));

  return {
    stages,
    goLive: {
      before: goLiveBefore,
      after: goLiveAfter,
      shiftWorkingDays: slipInWorkingDays(goLiveBefore, goLiveAfter, calendar),
    },
    baseline: { before: release.baselineGoLive, after: replan.baselineGoLive },
    windowWorkingDays: {
      before: stages.reduce((sum, s) => sum + s.before.workingDays, 0),
      after: stages.reduce((sum, s) => sum + s.after.workingDays, 0),
    },
    notes: replan.notes,
    freezes: [...freezes.values()],
    conflicts: {
      added: after.filter((c) => !beforeIds.has(identity(c))),
      resolved: before.filter((c) => !afterIds.has(identity(c))),
      remaining: after.filter((c) => beforeIds.has(identity(c))),
    },
  };
}

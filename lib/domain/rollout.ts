// The rollout of the PROD stage: big bang (everyone on the go-live day), staggered waves with a
// target share, canary steps with observation between them, or a dark launch (deployed with feature
// flags off, each switched on on its day). Steps are days on or after the go-live that follow the
// working-day and freeze rules, like a go-live; the release is fully rolled out at its last step.
import { AppError } from "../errors";

import { formatDisplayDate, type IsoDate, toDayNumber } from "./dates";
import { describePeriod, describeReason, goLiveDayAfter, goLiveDayBefore } from "./planner";
import type { ReleaseStatus } from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export const ROLLOUT_STRATEGIES = ["BIG_BANG", "STAGGERED", "CANARY", "DARK_LAUNCH"] as const;
export type RolloutStrategy = (typeof ROLLOUT_STRATEGIES)[number];

export const STRATEGY_NAMES: Record<RolloutStrategy, string> = {
  BIG_BANG: "Big bang",
  STAGGERED: "Staggered waves",
  CANARY: "Canary",
  DARK_LAUNCH: "Dark launch",
};

export const MAX_ROLLOUT_STEPS = 20;

export type RolloutStepPlan = { date: IsoDate; percent?: number | null; label?: string | null };

export type RolloutPlan = {
  strategy: RolloutStrategy;
  steps: readonly RolloutStepPlan[];
  flags?: readonly string[];
};

function badSteps(message: string, step?: number): AppError {
  return new AppError(
    "UNPROCESSABLE",
    "BAD_STEPS",
    message,
    step === undefined ? undefined : { step },
  );
}

/** The nearest days a step could move to: working, not frozen, and not before the go-live. */
function stepSuggestions(date: IsoDate, goLive: IsoDate, calendar: WorkingDayCalendar): IsoDate[] {
  const day = toDayNumber(date);
  const before = calendar.iso(goLiveDayBefore(calendar, day));
  const after = calendar.iso(goLiveDayAfter(calendar, day));
  return [before, after].filter((candidate) => candidate >= goLive);
}

/** Why a step cannot be on its day, or undefined: a non-working day, or inside a freeze window. */
function stepDayProblem(
  date: IsoDate,
  index: number,
  goLive: IsoDate,
  calendar: WorkingDayCalendar,
): AppError | undefined {
  const label = `Step ${index + 1}`;
  const reason = calendar.nonWorkingReason(date);
  if (reason) {
    const suggestions = stepSuggestions(date, goLive, calendar);
    return new AppError(
      "UNPROCESSABLE",
      "NOT_A_WORKING_DAY",
      `${label}: ${formatDisplayDate(date)} is ${describeReason(reason)} in ${calendar.region}. ` +
        `Nearest possible: ${suggestions.map(formatDisplayDate).join(" or ")}.`,
      { step: index + 1, date, reason, suggestions },
    );
  }
  const freeze = calendar.freezeOn(date);
  if (freeze) {
    const suggestions = stepSuggestions(date, goLive, calendar);
    return new AppError(
      "UNPROCESSABLE",
      "IN_FREEZE",
      `${label}: ${formatDisplayDate(date)} is inside freeze window ${describePeriod(freeze)}: ` +
        `no rollout step there. Nearest possible: ${suggestions.map(formatDisplayDate).join(" or ")}.`,
      { step: index + 1, date, freeze: freeze.name, suggestions },
    );
  }
  return undefined;
}

/** Why this rollout cannot be planned for a go-live on `goLive`, or undefined. */
export function rolloutProblem(
  plan: RolloutPlan,
  goLive: IsoDate,
  calendar: WorkingDayCalendar,
): AppError | undefined {
  const { strategy, steps } = plan;
  const flags = plan.flags ?? [];
  if (strategy === "BIG_BANG") {
    if (steps.length > 0 || flags.length > 0) {
      return badSteps("A big bang reaches everyone on the go-live day: it has no steps or flags.");
    }
    return undefined;
  }
  if (steps.length === 0) return badSteps("Plan at least one step.");
  if (steps.length > MAX_ROLLOUT_STEPS) {
    return badSteps(`At most ${MAX_ROLLOUT_STEPS} steps.`);
  }
  for (const [index, step] of steps.entries()) {
    if (step.date < goLive) {
      return badSteps(
        `Step ${index + 1} (${formatDisplayDate(step.date)}) is before the go-live (${formatDisplayDate(goLive)}).`,
        index + 1,
      );
    }
    if (index > 0 && step.date <= steps[index - 1]!.date) {
      return badSteps(
        `Step ${index + 1} must come after step ${index}: put them in order.`,
        index + 1,
      );
    }
    const dayProblem = stepDayProblem(step.date, index, goLive, calendar);
    if (dayProblem) return dayProblem;
  }
  if (strategy === "DARK_LAUNCH") return darkLaunchProblem(steps, flags);
  if (flags.length > 0) return badSteps("Only a dark launch names feature flags.");
  let previous = 0;
  for (const [index, step] of steps.entries()) {
    const percent = step.percent ?? null;
    if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 100) {
      return badSteps(`Step ${index + 1} needs a share of users from 1 to 100 %.`, index + 1);
    }
    if (percent <= previous) {
      return badSteps(
        `Step ${index + 1} must reach more users than step ${index} (${previous} %).`,
        index + 1,
      );
    }
    previous = percent;
  }
  if (previous !== 100) return badSteps("The last step reaches everyone: 100 %.", steps.length);
  return undefined;
}

function darkLaunchProblem(
  steps: readonly RolloutStepPlan[],
  flags: readonly string[],
): AppError | undefined {
  if (flags.length === 0) return badSteps("Name the feature flags the release ships switched off.");
  if (new Set(flags).size !== flags.length) return badSteps("Name each feature flag once.");
  const switched = new Set<string>();
  for (const [index, step] of steps.entries()) {
    const flag = step.label ?? "";
    if (!flags.includes(flag)) {
      return badSteps(
        `Step ${index + 1} switches on a flag: name one of ${flags.join(", ")}.`,
        index + 1,
      );
    }
    if (switched.has(flag)) return badSteps(`${flag} is switched on twice.`, index + 1);
    switched.add(flag);
  }
  const never = flags.filter((flag) => !switched.has(flag));
  if (never.length > 0) {
    return badSteps(`Plan the day each flag is switched on: ${never.join(", ")} has none.`);
  }
  return undefined;
}

/** A rollout can be (re)planned until PROD is signed off. */
export function rolloutPlanBlocker(status: ReleaseStatus): AppError | undefined {
  if (status === "LIVE" || status === "CANCELLED") {
    return new AppError(
      "CONFLICT",
      "ROLLOUT_LOCKED",
      status === "LIVE"
        ? "The release is live: its rollout can no longer be re-planned, only its steps marked done."
        : "The release was cancelled.",
      { status },
    );
  }
  return undefined;
}

export type RolloutStepState = RolloutStepPlan & { position: number; doneOn: IsoDate | null };

/** Why step `position` cannot be marked done now, or undefined: live, in order, once. */
export function stepDoneBlocker(
  status: ReleaseStatus,
  steps: readonly RolloutStepState[],
  position: number,
): AppError | undefined {
  const step = steps.find((s) => s.position === position);
  if (!step) return new AppError("NOT_FOUND", "NOT_FOUND", `There is no step ${position}.`);
  if (status !== "LIVE") {
    return new AppError(
      "CONFLICT",
      "RELEASE_NOT_LIVE",
      "Rollout steps are marked done after the go-live: sign off PROD first.",
    );
  }
  if (step.doneOn) {
    return new AppError("CONFLICT", "DUPLICATE", `Step ${position} is done already.`);
  }
  const pending = steps.find((s) => s.position < position && !s.doneOn);
  if (pending) {
    return new AppError(
      "CONFLICT",
      "BAD_STEPS",
      `Step ${pending.position} comes first: mark it done before step ${position}.`,
    );
  }
  return undefined;
}

/** How far a rollout has come: fully rolled out at its last step (a big bang: at the go-live). */
export function rolloutProgress(
  strategy: RolloutStrategy,
  steps: readonly RolloutStepState[],
  liveOn: IsoDate | null,
): { done: number; total: number; completedOn: IsoDate | null } {
  if (strategy === "BIG_BANG") return { done: 0, total: 0, completedOn: liveOn };
  const done = steps.filter((step) => step.doneOn !== null).length;
  const last = steps.at(-1);
  return {
    done,
    total: steps.length,
    completedOn: last && done === steps.length ? last.doneOn : null,
  };
}

/** A first draft of a strategy's steps from the go-live, on possible days (the planner's rules). */
export function draftRollout(
  strategy: RolloutStrategy,
  goLive: IsoDate,
  calendar: WorkingDayCalendar,
): RolloutStepPlan[] {
  const shares: Record<RolloutStrategy, number[]> = {
    BIG_BANG: [],
    STAGGERED: [10, 50, 100],
    CANARY: [1, 10, 50, 100],
    DARK_LAUNCH: [],
  };
  const gap = strategy === "STAGGERED" ? 2 : 1;
  let day = toDayNumber(goLive);
  return shares[strategy].map((percent, index) => {
    if (index > 0) for (let i = 0; i < gap; i++) day = goLiveDayAfter(calendar, day);
    return { date: calendar.iso(day), percent, label: null };
  });
}

/**
 * The steps as they stand when the go-live has moved since they were planned (`anchor`): each
 * keeps its distance from the go-live in possible days (working, outside freezes), so a release
 * that goes live earlier or later rolls out on the same rhythm.
 */
export function followGoLive<Step extends { date: IsoDate }>(
  steps: readonly Step[],
  anchor: IsoDate | null,
  goLive: IsoDate,
  calendar: WorkingDayCalendar,
): Step[] {
  if (!anchor || anchor === goLive) return [...steps];
  const from = toDayNumber(anchor);
  const to = toDayNumber(goLive);
  return steps.map((step) => {
    let offset = 0;
    for (let day = from; day < toDayNumber(step.date); offset++)
      day = goLiveDayAfter(calendar, day);
    let day = to;
    for (let i = 0; i < offset; i++) day = goLiveDayAfter(calendar, day);
    return { ...step, date: calendar.iso(day) };
  });
}

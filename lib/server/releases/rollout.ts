import "server-only";

// The rollout of the PROD stage: planned (or re-planned) until PROD is signed off, its steps marked
// done in order after the go-live. Locked and audited like every release change.
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { forecastOf } from "@/lib/domain/progress";
import {
  rolloutPlanBlocker,
  rolloutProblem,
  rolloutProgress,
  stepDoneBlocker,
  STRATEGY_NAMES,
} from "@/lib/domain/rollout";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { RolloutInput } from "@/lib/validation/releases";

import { changeRelease, type MutationContext, type ReleaseEdit } from "./mutate-release";

function describeSteps(input: RolloutInput): string {
  if (input.strategy === "BIG_BANG") return "Big bang: everyone on the go-live day.";
  const steps = input.steps
    .map(
      (step) =>
        `${step.date}${step.percent ? ` ${step.percent} %` : ""}${step.label ? ` ${step.label}` : ""}`,
    )
    .join(", ");
  return `${STRATEGY_NAMES[input.strategy]}: ${steps}.`;
}

/** Plans the rollout against the go-live as forecast today; its steps replace any earlier ones. */
export function planRollout(
  actor: SessionUser,
  id: string,
  input: RolloutInput,
  options: { today?: string } = {},
): Promise<ReleaseDto> {
  return changeRelease(
    "releases.plan",
    actor,
    id,
    ({ row, release, calendar, today }) => {
      const locked = rolloutPlanBlocker(release.status);
      if (locked) throw locked;
      const goLive = forecastOf(release, today, calendar).goLive;
      const problem = rolloutProblem(input, goLive, calendar);
      if (problem) throw problem;
      return {
        stageChanges: [],
        fields: {
          rolloutStrategy: input.strategy,
          rolloutGoLive: isoToDate(goLive),
          rolloutFlags: input.strategy === "DARK_LAUNCH" ? input.flags : [],
          rolloutSteps: {
            deleteMany: {},
            create: input.steps.map((step, index) => ({
              position: index + 1,
              date: isoToDate(step.date),
              percent: step.percent ?? null,
              label: step.label || null,
            })),
          },
        },
        events: [
          {
            action: "ROLLOUT_PLANNED",
            stageKey: "PROD",
            comment: describeSteps(input),
            before: {
              strategy: row.rolloutStrategy,
              steps: row.rolloutSteps.map((step) => dateToIso(step.date)),
            },
            after: { strategy: input.strategy, steps: input.steps.map((step) => step.date) },
          },
        ],
      };
    },
    options,
  );
}

/** Marks a rollout step done today (after the go-live, in order); the last one completes it. */
export function markStepDone(
  actor: SessionUser,
  { releaseId, position }: { releaseId: string; position: number },
  options: { today?: string } = {},
): Promise<ReleaseDto> {
  const decide = ({ row, release, today }: MutationContext): ReleaseEdit => {
    const steps = row.rolloutSteps.map((step) => ({
      position: step.position,
      date: dateToIso(step.date),
      doneOn: step.doneAt ? today : null,
    }));
    const blocker = stepDoneBlocker(release.status, steps, position);
    if (blocker) throw blocker;
    const after = steps.map((step) =>
      step.position === position ? { ...step, doneOn: today } : step,
    );
    const isComplete = rolloutProgress(row.rolloutStrategy, after, today).completedOn !== null;
    const step = row.rolloutSteps.find((s) => s.position === position)!;
    return {
      stageChanges: [],
      fields: {
        rolloutSteps: {
          update: {
            where: { id: step.id },
            data: { doneAt: new Date(), doneBy: { connect: { id: actor.id } } },
          },
        },
      },
      events: [
        {
          action: "ROLLOUT_STEP_DONE",
          stageKey: "PROD",
          comment: isComplete ? "The release is fully rolled out." : null,
          after: {
            step: position,
            ...(step.percent && { percent: step.percent }),
            ...(step.label && { label: step.label }),
          },
        },
      ],
    };
  };
  return changeRelease("releases.plan", actor, releaseId, decide, options);
}

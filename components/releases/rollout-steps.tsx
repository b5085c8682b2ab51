import { Check } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import { formatDisplayDate } from "@/lib/domain/dates";
import type { RolloutDto } from "@/lib/types/release";
import { cn } from "@/lib/utils";

import { CommandButton } from "../ui/command-button";
import { LocalTime } from "../ui/local-time";

export type MarkStepDone = (command: {
  releaseId: string;
  position: number;
}) => Promise<ActionState>;

/**
 * The rollout's steps in order: day, share or flag, done by whom; the next one can be marked done.
 * Rendered on the server; only the button is client code.
 */
export function RolloutSteps({
  releaseId,
  rollout,
  markDone,
}: {
  releaseId: string;
  rollout: RolloutDto;
  /** Given to release managers once the release is live. */
  markDone?: MarkStepDone;
}) {
  const next = rollout.steps.find((step) => !step.doneAt);
  return (
    <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" aria-label="Rollout steps">
      {rollout.steps.map((step) => {
        const isDone = step.doneAt !== null;
        return (
          <li
            key={step.position}
            data-testid="rollout-step"
            data-done={isDone || undefined}
            className={cn(
              "rounded-lg border px-3 py-2 text-sm",
              isDone ? "border-success/40 bg-success-soft" : "border-border bg-surface",
            )}
          >
            <p className="flex items-center justify-between gap-2 font-medium text-fg">
              <span>
                {step.position}. {step.percent ? `${step.percent} %` : step.label}
                {step.percent && step.label && (
                  <span className="font-normal text-muted"> · {step.label}</span>
                )}
              </span>
              {isDone && <Check aria-label="done" className="size-4 text-success" />}
            </p>
            <p className="text-xs text-muted tabular">{formatDisplayDate(step.date)}</p>
            {isDone && step.doneAt && (
              <p className="text-xs text-muted">
                Done by {step.doneBy?.name} <LocalTime iso={step.doneAt} />
              </p>
            )}
            {markDone && next?.position === step.position && (
              <CommandButton
                action={markDone}
                command={{ releaseId, position: step.position }}
                variant="primary"
                className="mt-2"
                align="start"
              >
                <Check aria-hidden />
                Mark done
              </CommandButton>
            )}
          </li>
        );
      })}
    </ol>
  );
}

import { AlertTriangle, Info } from "lucide-react";

import type { EnvironmentConflict } from "@/lib/domain/conflicts";
import { formatDisplayDate } from "@/lib/domain/dates";
import type { Plan } from "@/lib/domain/planner";
import { STAGE_NAMES } from "@/lib/domain/stages";

import { StageChip } from "../releases/stage-chip";
import { STAGE_COLOR } from "../releases/stage-style";

/** POST /api/plan: the plan and the environment conflicts it would have. */
export type PlanView = Plan & { conflicts: EnvironmentConflict[] };

/** The six stage windows of a plan, with working days, notes and environment conflicts. */
export function PlanPreview({ plan }: { plan: PlanView }) {
  return (
    <div className="space-y-5" data-testid="plan-preview">
      <dl className="grid grid-cols-3 gap-3">
        <div className="rounded-lg bg-surface-muted px-3 py-2.5">
          <dt className="text-xs font-medium text-muted">DEV starts</dt>
          <dd className="mt-0.5 text-sm font-semibold text-fg tabular">
            {formatDisplayDate(plan.start)}
          </dd>
        </div>
        <div className="rounded-lg bg-surface-muted px-3 py-2.5">
          <dt className="text-xs font-medium text-muted">Go-live</dt>
          <dd className="mt-0.5 text-sm font-semibold text-fg tabular" data-testid="plan-go-live">
            {formatDisplayDate(plan.goLive)}
          </dd>
        </div>
        <div className="rounded-lg bg-surface-muted px-3 py-2.5">
          <dt className="text-xs font-medium text-muted">Window</dt>
          <dd className="mt-0.5 text-sm font-semibold text-fg tabular">
            {plan.workingDays} working days
          </dd>
        </div>
      </dl>

      {plan.notes.map((note) => (
        <p
          key={note}
          role="status"
          className="flex gap-2 rounded-md border border-accent/20 bg-accent-soft px-3 py-2 text-sm text-fg"
        >
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />
          {note}
        </p>
      ))}

      <ol
        className="divide-y divide-border overflow-hidden rounded-lg border border-border"
        aria-label="Stage windows"
      >
        {plan.stages.map((stage) => (
          <li
            key={stage.key}
            className="flex items-center gap-4 bg-surface px-4 py-3"
            data-testid="plan-stage"
          >
            <span
              aria-hidden
              className="h-9 w-1 rounded-full"
              style={{ background: STAGE_COLOR[stage.key] }}
            />
            <StageChip stageKey={stage.key} status="PENDING" size="md" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-fg">{STAGE_NAMES[stage.key]}</p>
              <p className="text-sm text-muted tabular">
                {stage.start === stage.end
                  ? formatDisplayDate(stage.start)
                  : `${formatDisplayDate(stage.start)} – ${formatDisplayDate(stage.end)}`}
              </p>
            </div>
            <p className="text-sm whitespace-nowrap text-muted tabular">
              {stage.workingDays} working {stage.workingDays === 1 ? "day" : "days"}
            </p>
          </li>
        ))}
      </ol>

      {plan.conflicts.length > 0 && (
        <section
          aria-labelledby="conflicts-heading"
          className="rounded-lg border border-warning/30 bg-warning-soft px-4 py-3"
        >
          <h3
            id="conflicts-heading"
            className="flex items-center gap-2 text-sm font-semibold text-warning"
          >
            <AlertTriangle aria-hidden className="size-4" />
            {plan.conflicts.length === 1
              ? "1 environment conflict"
              : `${plan.conflicts.length} environment conflicts`}
          </h3>
          <ul className="mt-2 space-y-1 text-sm text-fg">
            {plan.conflicts.map((conflict) => (
              <li key={`${conflict.environment}-${conflict.start}`}>
                <strong className="font-medium">{conflict.environment}</strong>{" "}
                {formatDisplayDate(conflict.start)}
                {conflict.end !== conflict.start && ` – ${formatDisplayDate(conflict.end)}`}: shared
                with{" "}
                {conflict.releases
                  .filter((release) => release.id !== "candidate")
                  .map((release) => release.name)
                  .join(", ")}{" "}
                (room for {conflict.capacity})
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-muted">
            A warning, not a block: agree the environment with the other teams.
          </p>
        </section>
      )}
    </div>
  );
}

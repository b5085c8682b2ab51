import { formatShortDate } from "@/lib/domain/dates";
import { STAGE_STATUS_NAMES } from "@/lib/domain/stages";
import type { StageDto } from "@/lib/types/release";
import { cn } from "@/lib/utils";

import { StageChip } from "./stage-chip";

/** The six stages as a horizontal stepper: where the release stands at a glance. */
export function StageStepper({ stages }: { stages: StageDto[] }) {
  return (
    <ol className="grid grid-cols-6 gap-2" aria-label="Progress through the stages">
      {stages.map((stage, index) => (
        <li key={stage.key} className="min-w-0">
          <a
            href={`#stage-${stage.key}`}
            className="group block rounded-md focus-visible:outline-2"
          >
            <div className="flex items-center gap-1.5">
              <StageChip stageKey={stage.key} status={stage.status} size="md" />
              {index < stages.length - 1 && (
                <span
                  aria-hidden
                  className={cn(
                    "h-0.5 flex-1 rounded-full",
                    stage.status === "SIGNED_OFF" ? "bg-fg/60" : "bg-border",
                  )}
                />
              )}
            </div>
            <p className="mt-1.5 truncate text-xs font-medium text-fg group-hover:underline">
              {stage.name}
            </p>
            <p className="truncate text-xs text-muted tabular">
              {STAGE_STATUS_NAMES[stage.status]} ·{" "}
              {formatShortDate(stage.actualEnd ?? stage.plannedEnd)}
            </p>
          </a>
        </li>
      ))}
    </ol>
  );
}

import { formatDisplayDate } from "@/lib/domain/dates";
import { STAGE_STATUS_NAMES } from "@/lib/domain/stages";
import type { StageDto } from "@/lib/types/release";

import { Tooltip } from "../ui/tooltip";

import { StageChip } from "./stage-chip";

function StageDetails({ stage }: { stage: StageDto }) {
  return (
    <div className="space-y-0.5">
      <p className="font-semibold">
        {stage.key} · {stage.name} — {STAGE_STATUS_NAMES[stage.status]}
      </p>
      <p>
        Planned {formatDisplayDate(stage.plannedStart)} – {formatDisplayDate(stage.plannedEnd)} (
        {stage.workingDays} working {stage.workingDays === 1 ? "day" : "days"})
      </p>
      {stage.actualStart && (
        <p>
          Actual {formatDisplayDate(stage.actualStart)}
          {stage.actualEnd ? ` – ${formatDisplayDate(stage.actualEnd)}` : " – ongoing"}
        </p>
      )}
    </div>
  );
}

/** The six stages of a release in process order, with their dates on hover. */
export function StageStrip({ stages }: { stages: StageDto[] }) {
  return (
    <ol className="flex items-center gap-1" aria-label="Stages">
      {stages.map((stage) => (
        <li key={stage.key}>
          <Tooltip content={<StageDetails stage={stage} />}>
            <span className="inline-flex">
              <StageChip stageKey={stage.key} status={stage.status} />
            </span>
          </Tooltip>
        </li>
      ))}
    </ol>
  );
}

import { CircleAlert } from "lucide-react";

import { describeWhatIsMissing } from "@/lib/domain/signoff";
import { STAGE_STATUS_NAMES } from "@/lib/domain/stages";
import type { StageDto } from "@/lib/types/release";
import { cn } from "@/lib/utils";

import { LastDeployment } from "../deployments/last-deployment";
import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";

import { ApprovalList } from "./approval-list";
import { StageChip } from "./stage-chip";
import { StageDates } from "./stage-dates";
import { STAGE_COLOR } from "./stage-style";

function StatusBadge({ status }: { status: StageDto["status"] }) {
  const tone = {
    PENDING: "neutral",
    ACTIVE: "info",
    REJECTED: "danger",
    SIGNED_OFF: "success",
  } as const;
  return <Badge tone={tone[status]}>{STAGE_STATUS_NAMES[status]}</Badge>;
}

/** Every stage with planned and actual dates, approvals given and still needed, and its actions. */
export function StageList({
  stages,
  currentStage,
  actions,
}: {
  stages: StageDto[];
  currentStage: string | null;
  actions: Partial<Record<string, React.ReactNode>>;
}) {
  return (
    <ol className="space-y-3">
      {stages.map((stage) => {
        const isCurrent = stage.key === currentStage;
        const given = stage.approvals.filter((a) => a.round === stage.approvalRound);
        const earlier = stage.approvals.filter((a) => a.round !== stage.approvalRound);
        const missing = describeWhatIsMissing(stage);
        return (
          <li
            key={stage.key}
            id={`stage-${stage.key}`}
            data-testid={`stage-${stage.key}`}
            className={cn(
              "scroll-mt-20 rounded-lg border bg-surface p-4 shadow-xs",
              isCurrent ? "border-fg/30 ring-1 ring-fg/10" : "border-border",
              stage.status === "REJECTED" && "border-danger/50",
            )}
          >
            <div className="flex flex-wrap items-start gap-4">
              <span
                aria-hidden
                className="mt-0.5 h-10 w-1 rounded-full"
                style={{ background: STAGE_COLOR[stage.key] }}
              />
              <div className="min-w-48 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <StageChip stageKey={stage.key} status={stage.status} size="md" />
                  <h3 className="text-sm font-semibold text-fg">{stage.name}</h3>
                  <StatusBadge status={stage.status} />
                  {isCurrent && <Badge tone="outline">Current stage</Badge>}
                </div>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                  <StageDates stage={stage} />
                  {stage.lastDeployment && <LastDeployment deployment={stage.lastDeployment} />}
                </dl>
              </div>
              <div className="flex flex-col items-end gap-2">{actions[stage.key]}</div>
            </div>

            {(given.length > 0 || stage.status !== "SIGNED_OFF") && (
              <div className="mt-3 border-t border-border pt-3 pl-5 text-sm">
                <ApprovalList approvals={given} label={`Decisions on ${stage.name}`} />
                {missing && stage.approvalsMissing > 0 && (
                  <p className="mt-1.5 flex items-center gap-1.5 text-muted">
                    <CircleAlert aria-hidden className="size-4" />
                    {missing}
                  </p>
                )}
                {earlier.length > 0 && (
                  <details className="mt-2 text-xs text-muted">
                    <summary className="cursor-pointer">
                      Earlier rounds ({earlier.length} decisions)
                    </summary>
                    <ul className="mt-1 space-y-1">
                      {earlier.map((approval) => (
                        <li key={approval.id}>
                          Round {approval.round}:{" "}
                          {approval.decision === "REJECT" ? "rejected" : "approved"} by{" "}
                          {approval.user.name} <LocalTime iso={approval.at} />
                          {approval.comment && <> — “{approval.comment}”</>}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

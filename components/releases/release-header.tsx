import { ArrowLeft, CornerDownRight } from "lucide-react";
import Link from "next/link";

import { formatDisplayDate } from "@/lib/domain/dates";
import type { ReleaseDetail } from "@/lib/types/release";

import { Alert } from "../ui/alert";

import { AtRiskBadge, ReleaseStatusBadge } from "./release-status-badge";
import { ReleaseTypeLabel } from "./release-type-badge";

/** Why the forecast moved on its own: a stage still open after its planned end. */
function OverdueNotice({ release }: { release: ReleaseDetail }) {
  const stage = release.stages.find((s) => s.key === release.overdueStage)!;
  return (
    <Alert role="note" tone="warning" data-testid="overdue-notice">
      <strong className="font-medium">
        {stage.name} is overdue: planned to close {formatDisplayDate(stage.plannedEnd)}.
      </strong>{" "}
      The forecast counts it closing {formatDisplayDate(stage.forecastEnd)} at the earliest and
      moves the stages after it, so the go-live is now forecast for{" "}
      {formatDisplayDate(release.forecastGoLive)} (baseline{" "}
      {formatDisplayDate(release.baselineGoLive)}). It moves again every working day the stage stays
      open. {release.forecastNotes.join(" ")}
    </Alert>
  );
}

/** A release's title block: type and status, name, artifact, parent, the actions, why it is held. */
export function ReleaseHeader({
  release,
  actions,
}: {
  release: ReleaseDetail;
  /** The buttons the viewer may use (edit, re-plan, hold …), if any. */
  actions?: React.ReactNode;
}) {
  return (
    <div className="space-y-4">
      <Link
        href="/releases"
        className="inline-flex items-center gap-1 text-sm text-muted hover:text-fg"
      >
        <ArrowLeft aria-hidden className="size-4" />
        Releases
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <ReleaseTypeLabel type={release.type} />
            <ReleaseStatusBadge status={release.status} />
            {release.atRisk && (
              <AtRiskBadge
                slipWorkingDays={release.slipWorkingDays}
                overdueStage={release.overdueStage}
              />
            )}
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-fg">{release.name}</h1>
          <p className="font-mono text-sm text-muted">
            {release.version}
            {release.digest && (
              <span className="ml-2 text-subtle" title={release.digest}>
                {release.digest.slice(0, 19)}…
              </span>
            )}
          </p>
          {release.parent && (
            <p className="flex items-center gap-1 text-sm text-muted">
              <CornerDownRight aria-hidden className="size-4" />
              Patch of{" "}
              <Link
                href={`/releases/${release.parent.id}`}
                className="font-medium text-accent hover:underline"
              >
                {release.parent.name}
              </Link>
            </p>
          )}
        </div>
        {actions}
      </div>
      {release.overdueStage && <OverdueNotice release={release} />}
      {release.statusReason && (
        <Alert role="note" tone="warning" icon={false}>
          <span className="text-fg">
            <strong className="font-medium">
              {release.status === "CANCELLED" ? "Cancelled" : "On hold"}:
            </strong>{" "}
            {release.statusReason}
          </span>
        </Alert>
      )}
    </div>
  );
}

import { CheckCircle2, Eye, RotateCcw, Wrench } from "lucide-react";
import Link from "next/link";

import { OUTCOME_NAMES } from "@/lib/domain/after-go-live";
import { formatDisplayDate } from "@/lib/domain/dates";
import type { ReleaseDetail } from "@/lib/types/release";

import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";

const OUTCOME_ICON = { KEPT: CheckCircle2, ROLLED_BACK: RotateCcw, ROLLED_FORWARD: Wrench };
const OUTCOME_TONE = { KEPT: "success", ROLLED_BACK: "danger", ROLLED_FORWARD: "warning" } as const;

/**
 * Life after go-live: the observation window (working days after the PROD sign-off) and the outcome
 * once recorded — kept, rolled back to a version, or rolled forward by a patch — with who said so.
 */
export function AfterGoLive({
  release,
  recordOutcome,
}: {
  release: ReleaseDetail;
  /** The dialog that records the outcome, for those who may. */
  recordOutcome?: React.ReactNode;
}) {
  const after = release.afterGoLive;
  if (!after || !release.liveOn) return null;
  const Icon = release.outcome ? OUTCOME_ICON[release.outcome] : Eye;
  return (
    <section
      id="after-go-live"
      aria-labelledby="after-go-live-heading"
      className="scroll-mt-20 space-y-3"
    >
      <h2 id="after-go-live-heading" className="text-base font-semibold text-fg">
        After go-live
      </h2>
      <div
        className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-border bg-surface p-4 shadow-xs"
        data-testid="after-go-live"
      >
        <div className="min-w-0 space-y-1.5 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Icon aria-hidden className="size-4 text-muted" />
            {release.outcome ? (
              <Badge tone={OUTCOME_TONE[release.outcome]} data-testid="outcome">
                {OUTCOME_NAMES[release.outcome]}
              </Badge>
            ) : after.phase === "OBSERVING" ? (
              <Badge tone="info">Under observation</Badge>
            ) : (
              <Badge tone="warning">Outcome missing</Badge>
            )}
            <span className="text-muted tabular">
              Live {formatDisplayDate(release.liveOn)} · observed until{" "}
              {formatDisplayDate(after.observationEnd)}
            </span>
          </p>
          {release.outcome === "ROLLED_BACK" && (
            <p className="text-fg">
              Rolled back to <span className="font-mono">{after.rolledBackTo}</span>
              {after.restoredOn && <>, service restored {formatDisplayDate(after.restoredOn)}</>}.
            </p>
          )}
          {release.outcome === "ROLLED_FORWARD" && after.patch && (
            <p className="text-fg">
              Rolled forward by{" "}
              <Link
                href={`/releases/${after.patch.id}`}
                className="font-medium text-accent hover:underline"
              >
                {after.patch.name}
              </Link>
              {after.patch.liveOn
                ? `, live ${formatDisplayDate(after.patch.liveOn)}: service restored.`
                : ": not live yet, so service is not restored yet."}
            </p>
          )}
          {after.comment && <q className="block text-muted">{after.comment}</q>}
          {after.recordedBy && after.recordedAt && (
            <p className="text-xs text-muted">
              Recorded by {after.recordedBy.name} <LocalTime iso={after.recordedAt} />
            </p>
          )}
          {!release.outcome && (
            <p className="text-muted">
              {after.phase === "OBSERVING"
                ? "Production is the final test: watch it until the window closes, then record whether the release was kept, rolled back or rolled forward."
                : "The window is over: record whether the release was kept, rolled back or rolled forward."}
            </p>
          )}
        </div>
        {recordOutcome}
      </div>
    </section>
  );
}

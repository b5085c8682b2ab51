import { formatDisplayDate } from "@/lib/domain/dates";
import { STRATEGY_NAMES } from "@/lib/domain/rollout";
import type { ReleaseDetail } from "@/lib/types/release";

import { Badge } from "../ui/badge";

import { type MarkStepDone, RolloutSteps } from "./rollout-steps";

/** The PROD stage's rollout on the release page: strategy, steps, progress, and what may be done. */
export function RolloutPanel({
  release,
  plan,
  markDone,
}: {
  release: ReleaseDetail;
  /** The planning dialog, for release managers before PROD is signed off. */
  plan?: React.ReactNode;
  /** Marking steps done, for release managers once live. */
  markDone?: MarkStepDone;
}) {
  const { rollout } = release;
  const isLive = release.status === "LIVE";
  const { done, total, completedOn } = rollout.progress;
  return (
    <section aria-labelledby="rollout-heading" className="space-y-3" data-testid="rollout">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="rollout-heading" className="text-base font-semibold text-fg">
            Rollout
          </h2>
          <Badge tone="outline">{STRATEGY_NAMES[rollout.strategy]}</Badge>
          {isLive && completedOn && (
            <Badge tone="success">Fully rolled out {formatDisplayDate(completedOn)}</Badge>
          )}
          {isLive && !completedOn && total > 0 && (
            <Badge tone="info">
              {done} of {total} steps done
            </Badge>
          )}
        </div>
        {plan}
      </div>
      {rollout.strategy === "BIG_BANG" ? (
        <p className="text-sm text-muted">Everyone gets the release on the go-live day.</p>
      ) : (
        <>
          {rollout.flags.length > 0 && (
            <p className="text-sm text-muted">
              Ships with flags off:{" "}
              {rollout.flags.map((flag) => (
                <code key={flag} className="mr-1 rounded bg-surface-muted px-1 font-mono text-xs">
                  {flag}
                </code>
              ))}
            </p>
          )}
          <RolloutSteps releaseId={release.id} rollout={rollout} markDone={markDone} />
        </>
      )}
    </section>
  );
}

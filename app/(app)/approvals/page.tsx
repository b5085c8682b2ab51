import { AlertTriangle, UserRoundCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { ReleaseTypeLabel } from "@/components/releases/release-type-badge";
import { SignOffControls } from "@/components/releases/sign-off-controls";
import { signOffSubject } from "@/components/releases/sign-off-subject";
import { StageChip } from "@/components/releases/stage-chip";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDisplayDate } from "@/lib/domain/dates";
import { ROLE_NAMES } from "@/lib/domain/stages";
import { requireUser } from "@/lib/server/auth/session";
import { listWhatWaits } from "@/lib/server/releases/list-my-approvals";

export const metadata: Metadata = { title: "My approvals" };

export default async function MyApprovalsPage() {
  const user = await requireUser();
  const { items, outcomesDue } = await listWhatWaits(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="My approvals"
        description={
          items.length === 0
            ? "Stages waiting for your sign-off, and outcomes to record after go-live, appear here."
            : `${items.length} ${items.length === 1 ? "stage waits" : "stages wait"} for your decision, the most urgent first.`
        }
      />
      {items.length === 0 && outcomesDue.length === 0 ? (
        <EmptyState
          title="Nothing waits for you"
          description={`As ${ROLE_NAMES[user.role]}, you are asked when a stage you may sign off becomes current.`}
          action={
            <Link href="/releases" className="text-sm font-medium text-accent hover:underline">
              See all releases
            </Link>
          }
        />
      ) : (
        <ul className="space-y-3" aria-label="Stages waiting for you">
          {items.map(({ release, stage, isOverdue, onBehalfOf }) => (
            <li
              key={`${release.id}-${stage.key}`}
              data-testid="approval-item"
              className="rounded-lg border border-border bg-surface p-4 shadow-xs"
            >
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div className="min-w-0 space-y-1.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <StageChip stageKey={stage.key} status={stage.status} size="md" />
                    <Link
                      href={`/releases/${release.id}#stage-${stage.key}`}
                      className="font-semibold text-fg hover:text-accent hover:underline"
                    >
                      {release.name}
                    </Link>
                    <span className="font-mono text-xs text-muted">{release.version}</span>
                    <ReleaseTypeLabel type={release.type} />
                    {onBehalfOf && (
                      <Badge tone="info" data-testid="deputy-for">
                        <UserRoundCheck aria-hidden />
                        for {onBehalfOf.name}
                      </Badge>
                    )}
                    {isOverdue && (
                      <Badge tone="warning">
                        <AlertTriangle aria-hidden />
                        Overdue
                      </Badge>
                    )}
                  </div>
                  <p className="text-sm text-muted tabular">
                    {stage.name}: planned {formatDisplayDate(stage.plannedStart)} –{" "}
                    {formatDisplayDate(stage.plannedEnd)} · needs {stage.approvalsMissing} more{" "}
                    {stage.approvalsMissing === 1 ? "approval" : "approvals"} · go-live{" "}
                    {formatDisplayDate(release.forecastGoLive)}
                  </p>
                </div>
                <SignOffControls
                  {...signOffSubject(release, stage)}
                  viewer={{
                    decidableStage: stage.key,
                    reopenableStage: null,
                    decidingFor: onBehalfOf,
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {outcomesDue.length > 0 && (
        <section aria-labelledby="outcomes-heading" className="space-y-3">
          <div>
            <h2 id="outcomes-heading" className="text-base font-semibold text-fg">
              Outcomes to record
            </h2>
            <p className="text-sm text-muted">
              Live releases whose observation window is over: was each kept, rolled back or rolled
              forward? The answer feeds the change failure rate.
            </p>
          </div>
          <ul className="space-y-2">
            {outcomesDue.map(({ release, liveOn, observationEnd }) => (
              <li
                key={release.id}
                data-testid="outcome-due"
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
              >
                <div className="min-w-0">
                  <Link
                    href={`/releases/${release.id}#after-go-live`}
                    className="font-semibold text-fg hover:text-accent hover:underline"
                  >
                    {release.name}
                  </Link>{" "}
                  <span className="font-mono text-xs text-muted">{release.version}</span>
                  <p className="text-sm text-muted tabular">
                    {release.product.name} · live {formatDisplayDate(liveOn)} · observed until{" "}
                    {formatDisplayDate(observationEnd)}
                  </p>
                </div>
                <Badge tone="warning">Outcome missing</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

import { AlertTriangle, UserRoundCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { hrefWith } from "@/components/releases/release-filters";
import { ReleaseTypeLabel } from "@/components/releases/release-type-badge";
import { SignOffControls } from "@/components/releases/sign-off-controls";
import { signOffSubject } from "@/components/releases/sign-off-subject";
import { StageChip } from "@/components/releases/stage-chip";
import { SignalCountBadges } from "@/components/signals/signal-counts";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatDisplayDate } from "@/lib/domain/dates";
import { ROLE_NAMES } from "@/lib/domain/stages";
import { requireUser } from "@/lib/server/auth/session";
import { listMyApprovals, listOutcomesDue } from "@/lib/server/releases/list-my-approvals";
import { readPageNumber, type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "My approvals" };

/** Items per page of each list: a release manager of a large portfolio may have a thousand. */
const PAGE_SIZE = 50;

const sliceOf = (page: number) => ({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

export default async function MyApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const asked = {
    stages: readPageNumber(params, "page"),
    outcomes: readPageNumber(params, "outcomes"),
  };
  const [approvals, outcomes] = await Promise.all([
    listMyApprovals(user, sliceOf(asked.stages ?? 1)),
    listOutcomesDue(user, sliceOf(asked.outcomes ?? 1)),
  ]);
  // A page past the end (the list got shorter since the link was made) shows the last one.
  const stagePage = Math.min(asked.stages ?? 1, pageCountOf(approvals.total));
  const { items, total } =
    stagePage === (asked.stages ?? 1) ? approvals : await listMyApprovals(user, sliceOf(stagePage));
  const outcomePage = Math.min(asked.outcomes ?? 1, pageCountOf(outcomes.total));
  const { items: outcomesDue } =
    outcomePage === (asked.outcomes ?? 1)
      ? outcomes
      : await listOutcomesDue(user, sliceOf(outcomePage));
  // Links keep the other list's page; a first page stays out of the address.
  const hrefFor = (change: { page?: number; outcomes?: number }) => {
    const pages = { page: change.page ?? stagePage, outcomes: change.outcomes ?? outcomePage };
    return hrefWith("/approvals", {
      page: pages.page > 1 ? String(pages.page) : undefined,
      outcomes: pages.outcomes > 1 ? String(pages.outcomes) : undefined,
    });
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title="My approvals"
        description={
          total === 0
            ? "Stages waiting for your sign-off, and outcomes to record after go-live, appear here."
            : `${total.toLocaleString("en-GB")} ${total === 1 ? "stage waits" : "stages wait"} for your decision, the most urgent first.`
        }
      />
      {total === 0 && outcomes.total === 0 ? (
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
        total > 0 && (
          <div className="space-y-4">
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
            {total > PAGE_SIZE && (
              <Pagination
                page={stagePage}
                pageCount={pageCountOf(total)}
                pageSize={PAGE_SIZE}
                total={total}
                noun={total === 1 ? "stage" : "stages"}
                label="Pages of stages"
                hrefFor={(target) => hrefFor({ page: target })}
              />
            )}
          </div>
        )
      )}
      {outcomesDue.length > 0 && (
        <section aria-labelledby="outcomes-heading" className="space-y-3">
          <div>
            <h2 id="outcomes-heading" className="text-base font-semibold text-fg">
              Outcomes to record{" "}
              <span className="font-normal text-muted tabular">
                ({outcomes.total.toLocaleString("en-GB")})
              </span>
            </h2>
            <p className="text-sm text-muted">
              Live releases whose observation window is over: was each kept, rolled back or rolled
              forward? Beside each, what the monitoring saw meanwhile. The answer feeds the change
              failure rate.
            </p>
          </div>
          <ul className="space-y-2">
            {outcomesDue.map(({ release, liveOn, observationEnd, signals }) => (
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
                <div className="flex flex-wrap items-center gap-1.5">
                  <SignalCountBadges signals={signals} />
                  <Badge tone="warning">Outcome missing</Badge>
                </div>
              </li>
            ))}
          </ul>
          {outcomes.total > PAGE_SIZE && (
            <Pagination
              page={outcomePage}
              pageCount={pageCountOf(outcomes.total)}
              pageSize={PAGE_SIZE}
              total={outcomes.total}
              noun={outcomes.total === 1 ? "outcome" : "outcomes"}
              label="Pages of outcomes"
              hrefFor={(target) => hrefFor({ outcomes: target })}
            />
          )}
        </section>
      )}
    </div>
  );
}

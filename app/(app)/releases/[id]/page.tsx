import { ArrowLeft, CornerDownRight, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AuditTrail } from "@/components/releases/audit-trail";
import { ReleaseActions } from "@/components/releases/release-actions";
import { AtRiskBadge, ReleaseStatusBadge } from "@/components/releases/release-status-badge";
import { ReleaseTypeLabel } from "@/components/releases/release-type-badge";
import { SignOffControls } from "@/components/releases/sign-off-controls";
import { StageChip } from "@/components/releases/stage-chip";
import { StageList } from "@/components/releases/stage-list";
import { StageStepper } from "@/components/releases/stage-stepper";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { formatDisplayDate } from "@/lib/domain/dates";
import { describeWorkingDayDistance, workingDaysUntil } from "@/lib/domain/relative";
import { STAGE_NAMES } from "@/lib/domain/stages";
import { isAppError } from "@/lib/errors";
import { canPlanReleases } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { getRelease, type ReleaseDetail } from "@/lib/server/releases/get-release";
import { listAudit } from "@/lib/server/releases/list-audit";
import { viewerActions } from "@/lib/server/releases/viewer-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { releaseIdSchema } from "@/lib/validation/releases";

type Params = Promise<{ id: string }>;

async function loadRelease(id: string): Promise<ReleaseDetail> {
  if (!releaseIdSchema.safeParse(id).success) notFound();
  try {
    return await getRelease(id);
  } catch (error) {
    if (isAppError(error) && error.kind === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  if (!releaseIdSchema.safeParse(id).success) return { title: "Release" };
  const release = await getRelease(id).catch(() => null);
  return { title: release ? `${release.name} (${release.version})` : "Release" };
}

export default async function ReleasePage({ params }: { params: Params }) {
  const user = await requireUser();
  const { id } = await params;
  const [release, audit, settings] = await Promise.all([
    loadRelease(id),
    listAudit(id),
    getPlanningSettings(),
  ]);
  const today = companyToday(settings.companyTimeZone);
  const calendar = calendarFor(release.region, settings.periods);
  const isManager = canPlanReleases(user.role);
  const viewer = viewerActions(release, user, settings);
  const actions = Object.fromEntries(
    release.stages.map((stage) => [
      stage.key,
      <SignOffControls
        key={stage.key}
        releaseId={release.id}
        releaseName={release.name}
        stageKey={stage.key}
        stageName={STAGE_NAMES[stage.key]}
        canDecide={viewer.decidableStage === stage.key}
        canReopen={viewer.reopenableStage === stage.key}
        approvalsMissing={stage.approvalsMissing}
      />,
    ]),
  );
  const distance = workingDaysUntil(today, release.forecastGoLive, calendar);
  const current = release.stages.find((stage) => stage.key === release.currentStage);

  return (
    <div className="space-y-8">
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
              {release.atRisk && <AtRiskBadge slipWorkingDays={release.slipWorkingDays} />}
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
          {isManager && (
            <ReleaseActions
              releaseId={release.id}
              releaseName={release.name}
              status={release.status}
              revision={release.revision}
            />
          )}
        </div>
        {release.statusReason && (
          <p
            role="note"
            className="rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-fg"
          >
            <strong className="font-medium">
              {release.status === "CANCELLED" ? "Cancelled" : "On hold"}:
            </strong>{" "}
            {release.statusReason}
          </p>
        )}
      </div>

      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
          <dt className="text-xs font-medium text-muted">
            {release.status === "LIVE" ? "Went live" : "Forecast go-live"}
          </dt>
          <dd className="mt-1 text-lg font-semibold text-fg tabular" data-testid="forecast-go-live">
            {formatDisplayDate(release.forecastGoLive)}
          </dd>
          <dd className="text-xs text-muted">
            {release.status === "LIVE" ? "live" : describeWorkingDayDistance(distance)}
          </dd>
        </div>
        <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
          <dt className="text-xs font-medium text-muted">Baseline go-live</dt>
          <dd className="mt-1 text-lg font-semibold text-fg tabular">
            {formatDisplayDate(release.baselineGoLive)}
          </dd>
          <dd
            className={
              release.slipWorkingDays > 0
                ? "text-xs font-medium text-warning"
                : "text-xs text-muted"
            }
            data-testid="slip"
          >
            {release.slipWorkingDays > 0
              ? `${release.slipWorkingDays} working ${release.slipWorkingDays === 1 ? "day" : "days"} late`
              : release.slipWorkingDays < 0
                ? `${-release.slipWorkingDays} working days early`
                : "on plan"}
          </dd>
        </div>
        <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
          <dt className="text-xs font-medium text-muted">Current stage</dt>
          <dd className="mt-1.5 flex items-center gap-2 text-sm font-medium text-fg">
            {current ? (
              <>
                <StageChip stageKey={current.key} status={current.status} size="md" />
                {current.name}
              </>
            ) : (
              <span className="text-lg font-semibold">
                {release.status === "LIVE" ? "Live" : "—"}
              </span>
            )}
          </dd>
        </div>
        <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
          <dt className="text-xs font-medium text-muted">Holiday region · created by</dt>
          <dd className="mt-1 text-sm font-medium text-fg">{release.region}</dd>
          <dd className="text-xs text-muted">{release.createdBy.name}</dd>
        </div>
      </dl>

      <section aria-labelledby="stages-heading" className="space-y-4">
        <h2 id="stages-heading" className="text-base font-semibold text-fg">
          Stages
        </h2>
        <StageStepper stages={release.stages} />
        <StageList stages={release.stages} currentStage={release.currentStage} actions={actions} />
      </section>

      {release.description && (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading" className="text-base font-semibold text-fg">
            Description
          </h2>
          <p className="mt-2 max-w-3xl text-sm whitespace-pre-line text-fg">
            {release.description}
          </p>
        </section>
      )}

      {release.type === "RELEASE" && (
        <section aria-labelledby="patches-heading" className="space-y-3">
          <div className="flex items-center justify-between gap-4">
            <h2 id="patches-heading" className="text-base font-semibold text-fg">
              Patches <span className="font-normal text-muted">({release.patches.length})</span>
            </h2>
            {isManager && release.status !== "CANCELLED" && (
              <Button asChild variant="secondary" size="sm">
                <Link href={`/releases/new?parent=${release.id}`}>
                  <Plus aria-hidden />
                  New patch
                </Link>
              </Button>
            )}
          </div>
          {release.patches.length === 0 ? (
            <p className="text-sm text-muted">No patches for this release.</p>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
              {release.patches.map((patch) => (
                <li key={patch.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                  <Link
                    href={`/releases/${patch.id}`}
                    className="font-medium text-accent hover:underline"
                  >
                    {patch.name}
                  </Link>
                  <span className="font-mono text-xs text-muted">{patch.version}</span>
                  <ReleaseStatusBadge status={patch.status} />
                  {patch.atRisk && <Badge tone="warning">At risk</Badge>}
                  <span className="ml-auto text-muted tabular">
                    go-live {formatDisplayDate(patch.forecastGoLive)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-base font-semibold text-fg">
          Audit trail
        </h2>
        <p className="text-sm text-muted">
          Every change, oldest first. Nothing here can be edited or deleted.
        </p>
        <AuditTrail events={audit} />
      </section>
    </div>
  );
}

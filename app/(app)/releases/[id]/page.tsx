import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { DeploymentWarning } from "@/components/deployments/deployment-warning";
import { DeploymentsTable } from "@/components/deployments/deployments-table";
import { GatePanel } from "@/components/gate/gate-panel";
import { PromotionsPanel } from "@/components/gitops/promotions-panel";
import { ReleaseNotesPanel } from "@/components/notes/release-notes-panel";
import { WatchButton } from "@/components/notes/watch-button";
import { AfterGoLive } from "@/components/releases/after-go-live";
import { AuditTrail } from "@/components/releases/audit-trail";
import { OutcomeDialog } from "@/components/releases/outcome-dialog";
import { ReleaseActions } from "@/components/releases/release-actions";
import { ReleaseFacts } from "@/components/releases/release-facts";
import { ReleaseHeader } from "@/components/releases/release-header";
import { ReleasePatches } from "@/components/releases/release-patches";
import { RolloutDialog } from "@/components/releases/rollout-dialog";
import { RolloutPanel } from "@/components/releases/rollout-panel";
import { SignOffControls } from "@/components/releases/sign-off-controls";
import { signOffSubject } from "@/components/releases/sign-off-subject";
import { StageList } from "@/components/releases/stage-list";
import { StageStepper } from "@/components/releases/stage-stepper";
import { SignalsPanel } from "@/components/signals/signals-panel";
import { workingDaysUntil } from "@/lib/domain/relative";
import {
  draftRollout,
  ROLLOUT_STRATEGIES,
  rolloutPlanBlocker,
  type RolloutStepPlan,
  type RolloutStrategy,
} from "@/lib/domain/rollout";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { wallTimeOf } from "@/lib/domain/wall-clock";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { promoteAction, retryPromotionAction } from "@/lib/server/actions/gitops";
import {
  previewNotesAction,
  publishNotesAction,
  saveNotesAction,
  watchAction,
} from "@/lib/server/actions/notes";
import {
  markStepDoneAction,
  planRolloutAction,
  recordOutcomeAction,
} from "@/lib/server/actions/releases";
import { decideExceptionAction, requestExceptionAction } from "@/lib/server/actions/windows";
import { requireUser } from "@/lib/server/auth/session";
import { calendarFor } from "@/lib/server/calendars";
import { listDeployments } from "@/lib/server/deployments/list-deployments";
import { listPromotions } from "@/lib/server/gitops/promotions";
import { findGitopsTarget } from "@/lib/server/gitops/targets";
import { getReleaseNotes } from "@/lib/server/notes/release-notes";
import { watchStateOf } from "@/lib/server/notes/watches";
import { getRelease } from "@/lib/server/releases/get-release";
import { listAudit } from "@/lib/server/releases/list-audit";
import { viewerActionsFor } from "@/lib/server/releases/viewer-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { listReleaseSignals } from "@/lib/server/signals/signals";
import { companyToday } from "@/lib/server/today";
import { listExceptions } from "@/lib/server/windows/exceptions";
import { gateAnswer, listRefusedChecks } from "@/lib/server/windows/gate";
import type { ReleaseDetail } from "@/lib/types/release";
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

/** The next full hour of the company's clock: its day and `HH:00`. */
function nextFullHour(timeZone: string): { day: string; time: string } {
  const next = new Date(wallTimeOf(Date.now(), timeZone) + 3_600_000);
  return {
    day: next.toISOString().slice(0, 10),
    time: `${String(next.getUTCHours()).padStart(2, "0")}:00`,
  };
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
  // The release first: an unknown id is the 404 page, before anything else is asked about it.
  const release = await loadRelease(id);
  // The gate to where the release goes next (PROD once live: a roll-back asks there).
  const gateEnvironment = release.status === "LIVE" ? "PROD" : (release.currentStage ?? "PROD");
  const [
    audit,
    deployments,
    settings,
    gate,
    exceptions,
    refused,
    promotions,
    gitops,
    notes,
    watch,
    signals,
  ] = await Promise.all([
    listAudit(id),
    listDeployments(id),
    getPlanningSettings(),
    gateAnswer({ environment: gateEnvironment, releaseId: id }),
    listExceptions({ releaseId: id }),
    listRefusedChecks(id, 10),
    listPromotions(id),
    release.product ? findGitopsTarget(release.product.key) : null,
    getReleaseNotes(id),
    watchStateOf(user.id, release),
    listReleaseSignals(id),
  ]);
  const gitopsEnvironments = STAGE_KEYS.filter((key) => gitops?.environments[key]);
  const today = companyToday(settings.companyTimeZone);
  const calendar = calendarFor(release.region, settings.periods);
  const viewer = await viewerActionsFor(release, user, settings);
  const mayPlan = can(user.role, "releases.plan");
  const signOff = Object.fromEntries(
    release.stages.map((stage) => [
      stage.key,
      <SignOffControls
        key={stage.key}
        {...signOffSubject(release, stage)}
        viewer={{
          decidableStage: viewer.decidableStage,
          reopenableStage: viewer.reopenableStage,
          decidingFor: viewer.decidingFor,
        }}
      />,
    ]),
  );

  return (
    <div className="space-y-8">
      <ReleaseHeader
        release={release}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {can(user.role, "watches.manage") && (
              <WatchButton
                target={{ kind: "release", id: release.id }}
                watching={watch.release}
                throughProduct={watch.product ? release.product.name : null}
                action={watchAction}
              />
            )}
            {viewer.commands.length > 0 && (
              <ReleaseActions
                releaseId={release.id}
                releaseName={release.name}
                revision={release.revision}
                commands={viewer.commands}
              />
            )}
          </div>
        }
      />
      <DeploymentWarning release={release} />
      <ReleaseFacts
        release={release}
        workingDaysToGoLive={workingDaysUntil(today, release.forecastGoLive, calendar)}
      />

      <section aria-labelledby="stages-heading" className="space-y-4">
        <h2 id="stages-heading" className="text-base font-semibold text-fg">
          Stages
        </h2>
        <StageStepper stages={release.stages} />
        <StageList stages={release.stages} currentStage={release.currentStage} actions={signOff} />
      </section>

      {(release.rollout.strategy !== "BIG_BANG" || mayPlan) && release.status !== "CANCELLED" && (
        <RolloutPanel
          release={release}
          plan={
            mayPlan &&
            !rolloutPlanBlocker(release.status) && (
              <RolloutDialog
                releaseId={release.id}
                goLive={release.forecastGoLive}
                rollout={release.rollout}
                drafts={
                  Object.fromEntries(
                    ROLLOUT_STRATEGIES.map((strategy) => [
                      strategy,
                      draftRollout(strategy, release.forecastGoLive, calendar),
                    ]),
                  ) as Record<RolloutStrategy, RolloutStepPlan[]>
                }
                save={planRolloutAction}
              />
            )
          }
          markDone={mayPlan && release.status === "LIVE" ? markStepDoneAction : undefined}
        />
      )}

      {(release.status === "LIVE" || signals.length > 0) && (
        <SignalsPanel
          signals={signals}
          counts={release.signals}
          observationEnd={release.observationEnd}
          now={new Date().toISOString()}
        />
      )}

      <AfterGoLive
        release={release}
        recordOutcome={
          can(user.role, "releases.outcome") && (
            <OutcomeDialog
              releaseId={release.id}
              releaseName={release.name}
              current={release.outcome}
              patches={release.patches}
              today={today}
              signals={release.signals}
              save={recordOutcomeAction}
            />
          )
        }
      />

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

      <ReleaseNotesPanel
        notes={notes}
        isCancelled={release.status === "CANCELLED"}
        actions={
          can(user.role, "releases.notes")
            ? { save: saveNotesAction, publish: publishNotesAction, preview: previewNotesAction }
            : undefined
        }
      />

      <GatePanel
        releaseId={release.id}
        releaseName={release.name}
        gate={gate}
        exceptions={exceptions}
        refused={refused}
        timeZone={settings.companyTimeZone}
        today={today}
        nextStart={nextFullHour(settings.companyTimeZone)}
        viewerId={user.id}
        mayDecide={can(user.role, "exceptions.decide")}
        ask={
          can(user.role, "exceptions.request") && release.status !== "CANCELLED"
            ? requestExceptionAction
            : undefined
        }
        decide={decideExceptionAction}
      />

      {(gitopsEnvironments.length > 0 || promotions.length > 0) && (
        <PromotionsPanel
          releaseId={release.id}
          promotions={promotions}
          environments={gitopsEnvironments}
          timeZone={settings.companyTimeZone}
          actions={mayPlan ? { promote: promoteAction, retry: retryPromotionAction } : undefined}
        />
      )}

      <section aria-labelledby="deployments-heading" className="space-y-3">
        <h2 id="deployments-heading" className="text-base font-semibold text-fg">
          Deployments <span className="font-normal text-muted">({deployments.length})</span>
        </h2>
        <p className="text-sm text-muted">
          As pipelines and GitOps controllers reported them, newest first. Evidence, never an
          approval.
        </p>
        <DeploymentsTable deployments={deployments} />
      </section>

      {release.type === "RELEASE" && (
        <ReleasePatches release={release} canAddPatch={viewer.commands.includes("ADD_PATCH")} />
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

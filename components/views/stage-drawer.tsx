"use client";

import { CalendarClock, ExternalLink, Loader2 } from "lucide-react";
import Link from "next/link";
import { Dialog } from "radix-ui";

import { formatDisplayDate } from "@/lib/domain/dates";
import { isMovable } from "@/lib/domain/replan";
import { ROLE_NAMES, STAGE_NAMES, STAGE_STATUS_NAMES, type StageKey } from "@/lib/domain/stages";

import type { ReplanProposal } from "../releases/replan-dialog";
import { SignOffControls } from "../releases/sign-off-controls";
import { StageChip } from "../releases/stage-chip";
import { StageDates } from "../releases/stage-dates";
import { useRelease } from "../releases/use-release";
import { Button } from "../ui/button";
import { DialogCloseButton } from "../ui/dialog-close-button";
import { LocalTime } from "../ui/local-time";

/** A stage's details in a side drawer: dates, approvals given and missing, and the sign-off in place. */
export function StageDrawer({
  releaseId,
  stage: key,
  onClose,
  onReplan,
}: {
  releaseId: string;
  stage: StageKey;
  onClose: () => void;
  /** Offered to release managers: re-plan from this stage (its end, or the go-live for PROD). */
  onReplan?: (proposal: ReplanProposal) => void;
}) {
  const { release, error, reload } = useRelease(releaseId);

  const stage = release?.stages.find((s) => s.key === key);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-fg/20" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex w-[min(30rem,100vw)] flex-col overflow-y-auto border-l border-border bg-surface shadow-2xl">
          <div className="flex items-start justify-between gap-3 border-b border-border p-5">
            <div className="min-w-0">
              <Dialog.Title className="truncate text-base font-semibold text-fg">
                {release ? release.name : "Loading…"}
              </Dialog.Title>
              <Dialog.Description className="mt-0.5 truncate font-mono text-xs text-muted">
                {release ? release.version : `${STAGE_NAMES[key]} stage`}
              </Dialog.Description>
            </div>
            <DialogCloseButton />
          </div>
          <div className="flex-1 space-y-5 p-5">
            {error && (
              <p role="alert" className="text-sm text-danger">
                {error}
              </p>
            )}
            {!release && !error && (
              <Loader2 aria-label="Loading" className="size-5 animate-spin text-muted" />
            )}
            {release && stage && (
              <>
                <div className="flex items-center gap-2">
                  <StageChip stageKey={stage.key} status={stage.status} size="md" />
                  <span className="text-sm font-semibold text-fg">{stage.name}</span>
                  <span className="text-sm text-muted">· {STAGE_STATUS_NAMES[stage.status]}</span>
                </div>
                <dl className="space-y-1 text-sm">
                  <StageDates stage={stage} />
                  <div>
                    <dt className="inline text-muted">Go-live </dt>
                    <dd className="inline tabular">
                      {formatDisplayDate(release.forecastGoLive)}
                      {release.atRisk && (
                        <span className="text-warning">
                          {" "}
                          · {release.slipWorkingDays} working days late
                        </span>
                      )}
                    </dd>
                  </div>
                </dl>
                <section aria-label="Approvals" className="space-y-2 text-sm">
                  {stage.approvals
                    .filter((a) => a.round === stage.approvalRound)
                    .map((approval) => (
                      <p key={approval.id}>
                        <span
                          className={
                            approval.decision === "REJECT"
                              ? "font-medium text-danger"
                              : "font-medium text-success"
                          }
                        >
                          {approval.decision === "REJECT" ? "Rejected" : "Approved"}
                        </span>{" "}
                        by {approval.user.name}{" "}
                        <span className="text-xs text-muted">
                          ({ROLE_NAMES[approval.user.role]})
                        </span>{" "}
                        <LocalTime iso={approval.at} className="text-xs text-muted" />
                        {approval.comment && <q className="block text-muted">{approval.comment}</q>}
                      </p>
                    ))}
                  {stage.status !== "SIGNED_OFF" && (
                    <p className="text-muted">
                      {stage.status === "REJECTED"
                        ? "Blocked until a release manager reopens it."
                        : `Needs ${stage.approvalsMissing} more ${stage.approvalsMissing === 1 ? "approval" : "approvals"} from ${stage.allowedRoles
                            .map((role) => ROLE_NAMES[role])
                            .join(" or ")}.`}
                    </p>
                  )}
                </section>
                <SignOffControls
                  releaseId={release.id}
                  releaseName={release.name}
                  stageKey={stage.key}
                  stageName={stage.name}
                  canDecide={release.viewer.decidableStage === stage.key}
                  canReopen={release.viewer.reopenableStage === stage.key}
                  approvalsMissing={stage.approvalsMissing}
                  onChanged={reload}
                />
              </>
            )}
          </div>
          {release && (
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border p-5">
              <Link
                href={`/releases/${release.id}`}
                className="inline-flex items-center gap-1.5 text-sm font-medium text-accent hover:underline"
              >
                Open the release page
                <ExternalLink aria-hidden className="size-4" />
              </Link>
              {onReplan &&
                release.viewer.commands.includes("REPLAN") &&
                stage &&
                isMovable(stage) && (
                  <Button
                    variant="secondary"
                    onClick={() =>
                      onReplan(
                        stage.key === "PROD"
                          ? { mode: "goLive" }
                          : { mode: "stageEnd", stage: stage.key },
                      )
                    }
                  >
                    <CalendarClock aria-hidden />
                    {stage.key === "PROD" ? "Move the go-live…" : `Change the ${stage.key} end…`}
                  </Button>
                )}
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

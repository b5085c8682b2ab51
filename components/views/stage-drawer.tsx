"use client";

import { CalendarClock, ExternalLink, Loader2 } from "lucide-react";
import Link from "next/link";
import { Dialog } from "radix-ui";

import { formatDisplayDate } from "@/lib/domain/dates";
import { isMovable } from "@/lib/domain/replan";
import { describeWhatIsMissing } from "@/lib/domain/signoff";
import { STAGE_NAMES, STAGE_STATUS_NAMES, type StageKey } from "@/lib/domain/stages";

import { StagePromotion } from "../gitops/stage-promotion";
import { ApprovalList } from "../releases/approval-list";
import type { ReplanProposal } from "../releases/replan-dialog";
import { SignOffControls } from "../releases/sign-off-controls";
import { StageChip } from "../releases/stage-chip";
import { StageDates } from "../releases/stage-dates";
import { useRelease } from "../releases/use-release";
import { Button } from "../ui/button";
import { DialogCloseButton } from "../ui/dialog-close-button";

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
                  <ApprovalList
                    approvals={stage.approvals.filter((a) => a.round === stage.approvalRound)}
                    label={`Decisions on ${stage.name}`}
                  />
                  {describeWhatIsMissing(stage) && (
                    <p className="text-muted">{describeWhatIsMissing(stage)}</p>
                  )}
                </section>
                <StagePromotion releaseId={release.id} environment={stage.key} />
                <SignOffControls
                  release={release}
                  stage={stage}
                  viewer={release.viewer}
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

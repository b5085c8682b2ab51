"use client";

import { AlertCircle, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useId, useState, useTransition } from "react";

import type { ActionState } from "@/lib/action-state";
import { formatDisplayDate, isIsoDate, type IsoDate } from "@/lib/domain/dates";
import { isMovable } from "@/lib/domain/replan";
import { STAGE_NAMES, type StageKey } from "@/lib/domain/stages";
import type { LoadedRelease, ReplanPreview } from "@/lib/types/release";
import type { ReplanCommand } from "@/lib/validation/releases";

import { DateProblem } from "../planning/date-problem";
import { EarliestDateFinder } from "../planning/earliest-date-finder";
import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";
import { DialogCloseButton } from "../ui/dialog-close-button";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { SegmentedControl } from "../ui/segmented-control";
import { useToast } from "../ui/toaster";
import { useApiPreview } from "../ui/use-api-preview";

import { useReleaseCommands } from "./release-commands";
import { isUnchanged, ReplanPreviewDetails } from "./replan-preview";
import { useRelease } from "./use-release";

export type ReplanProposal = { mode: "goLive" } | { mode: "stageEnd"; stage: StageKey };

/** The change as the API takes it, or undefined while the date is incomplete. */
function changeOf(proposal: ReplanProposal, date: string): ReplanCommand["change"] | undefined {
  if (!isIsoDate(date)) return undefined;
  return proposal.mode === "goLive"
    ? { goLive: date }
    : { stageEnd: { key: proposal.stage, end: date } };
}

/** Today's plan for the proposal: the current go-live, or the stage's current last day. */
function currentDateOf(release: LoadedRelease | null, proposal: ReplanProposal): string {
  if (!release) return "";
  if (proposal.mode === "goLive") return release.forecastGoLive;
  return release.stages.find((s) => s.key === proposal.stage)?.plannedEnd ?? "";
}

/**
 * What-if re-planning: the release manager proposes a new go-live or a new end for a stage still
 * ahead and sees, before saving, every stage window that moves, the go-live shift in working days,
 * freeze windows the plan runs into and the environment conflicts it adds or clears. Save or discard.
 */
export function ReplanDialog({
  releaseId,
  initial,
  initialDate,
  onClose,
}: {
  releaseId: string;
  initial: ReplanProposal;
  /** A proposed date, e.g. where a bar was dragged to. */
  initialDate?: IsoDate;
  onClose: () => void;
}) {
  const router = useRouter();
  const { replan } = useReleaseCommands();
  const toast = useToast();
  const ids = useId();
  const { release, error: loadError, reload } = useRelease(releaseId);
  const [proposal, setProposal] = useState<ReplanProposal>(initial);
  const [date, setDate] = useState<string>(initialDate ?? "");
  const [saved, setSaved] = useState<ActionState | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [version, setVersion] = useState(0);
  // A go-live taken from the search is reserved when saved.
  const [taken, setTaken] = useState<IsoDate | null>(null);

  const shownDate = date || currentDateOf(release, proposal);
  const change = changeOf(proposal, shownDate);
  const what = useApiPreview<ReplanPreview>(`/api/releases/${releaseId}/what-if`, change, {
    delayMs: 200,
    version,
  });
  const preview = what.problem ? undefined : what.data;
  const movable = release?.stages.filter((s) => isMovable(s) && s.key !== "PROD") ?? [];

  function choose(next: ReplanProposal) {
    setDate("");
    setProposal(next);
  }

  function save() {
    if (!preview || !change) return;
    setSaved(null);
    startSaving(async () => {
      const reserve = proposal.mode === "goLive" && taken !== null && shownDate === taken;
      const result = await replan({ releaseId, revision: preview.revision, change, reserve });
      if (result.status === "success") {
        toast({ message: result.message ?? "Re-plan saved." });
        router.refresh();
        onClose();
      } else setSaved(result);
    });
  }

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-fg/30 backdrop-blur-[1px]" />
        <Dialog.Content
          aria-describedby={`${ids}-description`}
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[min(44rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl border border-border bg-surface shadow-xl"
        >
          <div className="flex items-start justify-between gap-3 border-b border-border px-6 py-4">
            <div className="min-w-0">
              <Dialog.Title className="text-base font-semibold text-fg">
                Re-plan {release?.name ?? "…"}
              </Dialog.Title>
              <p id={`${ids}-description`} className="mt-0.5 text-sm text-muted">
                See what moves before you save. Nothing changes until you save.
              </p>
            </div>
            <DialogCloseButton />
          </div>

          <div className="flex-1 space-y-5 overflow-y-auto px-6 py-5">
            {loadError && (
              <AlertBox tone="danger" icon={AlertCircle} role="alert">
                {loadError}
              </AlertBox>
            )}
            <div className="space-y-3">
              <SegmentedControl
                label="What to change"
                value={proposal.mode}
                options={[
                  { value: "goLive", label: "Move the go-live" },
                  {
                    value: "stageEnd",
                    label: "Change a stage's end",
                    disabled: release !== null && movable.length === 0,
                  },
                ]}
                onChange={(mode) =>
                  choose(
                    mode === "goLive"
                      ? { mode: "goLive" }
                      : { mode: "stageEnd", stage: movable[0]?.key ?? "DEV" },
                  )
                }
              />
              <div className="flex flex-wrap items-end gap-3">
                {proposal.mode === "stageEnd" && (
                  <Field id={`${ids}-stage`} label="Stage">
                    {(control) => (
                      <Select
                        {...control}
                        value={proposal.stage}
                        onChange={(event) =>
                          choose({ mode: "stageEnd", stage: event.target.value as StageKey })
                        }
                        className="w-56"
                      >
                        {movable.map((stage) => (
                          <option key={stage.key} value={stage.key}>
                            {stage.key} · {STAGE_NAMES[stage.key]}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                )}
                <Field
                  id={`${ids}-date`}
                  label={proposal.mode === "goLive" ? "New go-live" : "New last day"}
                >
                  {(control) => (
                    <Input
                      {...control}
                      type="date"
                      value={shownDate}
                      onChange={(event) => setDate(event.target.value)}
                      aria-invalid={what.problem ? true : undefined}
                      aria-describedby={what.problem ? `${ids}-problem` : undefined}
                      className="w-44 tabular"
                    />
                  )}
                </Field>
                {isIsoDate(shownDate) && (
                  <p className="mb-2 text-sm font-medium text-fg tabular" aria-hidden>
                    {formatDisplayDate(shownDate)}
                  </p>
                )}
                {what.isLoading && (
                  <Loader2
                    aria-label="Working out the plan"
                    className="mb-2 size-5 animate-spin text-muted"
                  />
                )}
              </div>
              {what.problem && (
                <DateProblem
                  id={`${ids}-problem`}
                  message={what.problem.message}
                  suggestions={what.problem.suggestions}
                  onPick={setDate}
                />
              )}
            </div>

            {proposal.mode === "goLive" && release && (
              <EarliestDateFinder
                wish={
                  isIsoDate(shownDate)
                    ? { goLive: shownDate, region: release.region, releaseId }
                    : undefined
                }
                onTake={(goLive) => {
                  setDate(goLive);
                  setTaken(goLive);
                }}
              />
            )}

            {preview && <ReplanPreviewDetails preview={preview} />}
          </div>

          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border px-6 py-4">
            {saved && (
              <p role="alert" className="mr-auto flex items-center gap-2 text-sm text-danger">
                {saved.message ?? "The re-plan was not saved."}
                {saved.code === "STALE_REVISION" && (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      setSaved(null);
                      reload();
                      setVersion((v) => v + 1);
                    }}
                  >
                    Reload
                  </Button>
                )}
              </p>
            )}
            <Button variant="secondary" onClick={onClose}>
              Discard
            </Button>
            <Button
              onClick={save}
              disabled={!preview || isUnchanged(preview) || what.isLoading || isSaving}
            >
              {isSaving && <Loader2 aria-hidden className="animate-spin" />}
              Save re-plan
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

"use client";

import { AlertTriangle, ArrowRight, CheckCircle2, Loader2, Snowflake } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useEffect, useId, useState, useTransition } from "react";

import { explainConflict } from "@/lib/domain/conflicts";
import { formatDateRange, formatDisplayDate, isIsoDate, type IsoDate } from "@/lib/domain/dates";
import { isMovable } from "@/lib/domain/replan";
import { STAGE_NAMES, type StageKey } from "@/lib/domain/stages";
import type { ReplanPreview } from "@/lib/types/release";
import { cn } from "@/lib/utils";

import { Button } from "../ui/button";
import { DialogCloseButton } from "../ui/dialog-close-button";
import { Input, Label, Select } from "../ui/input";

import { useReleaseCommands } from "./release-commands";
import { StageChip } from "./stage-chip";
import { useRelease } from "./use-release";

export type ReplanProposal = { mode: "goLive" } | { mode: "stageEnd"; stage: StageKey };

type Problem = { message: string; code?: string; suggestions?: IsoDate[] };

function shiftText(days: number): string {
  if (days === 0) return "no change";
  const unit = Math.abs(days) === 1 ? "working day" : "working days";
  return days > 0 ? `${days} ${unit} later` : `${-days} ${unit} earlier`;
}

function signed(days: number): string {
  if (days === 0) return "—";
  return days > 0 ? `+${days}` : `−${-days}`;
}

/** The change as the API takes it, or undefined while the form is incomplete. */
function changeOf(proposal: ReplanProposal, date: string) {
  if (!isIsoDate(date)) return undefined;
  return proposal.mode === "goLive"
    ? { goLive: date }
    : { stageEnd: { key: proposal.stage, end: date } };
}

/** Previews a change as the person types, through POST /api/releases/{id}/what-if (nothing written). */
function useWhatIf(releaseId: string, change: object | undefined, version: number) {
  const key = change ? JSON.stringify(change) : undefined;
  const [answer, setAnswer] = useState<{
    key: string;
    preview?: ReplanPreview;
    problem?: Problem;
  } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/releases/${releaseId}/what-if`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: key,
        signal: controller.signal,
      })
        .then(async (response) => {
          const body = await response.json();
          setAnswer(
            response.ok
              ? { key, preview: body as ReplanPreview }
              : {
                  key,
                  problem: {
                    message: body.error.message,
                    code: body.error.code,
                    suggestions: body.error.details?.suggestions,
                  },
                },
          );
        })
        .catch((error: Error) => {
          if (error.name !== "AbortError")
            setAnswer({ key, problem: { message: "The preview could not be loaded. Try again." } });
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [releaseId, key, version]);
  const current = answer && answer.key === key ? answer : null;
  return {
    preview: current?.preview,
    problem: current?.problem,
    isLoading: Boolean(key) && !current,
  };
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
  const ids = useId();
  const { release, error: loadError, reload } = useRelease(releaseId);
  const [proposal, setProposal] = useState<ReplanProposal>(initial);
  const [date, setDate] = useState<string>(initialDate ?? "");
  const [saveProblem, setSaveProblem] = useState<Problem | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [version, setVersion] = useState(0);

  // Start from today's plan: the current go-live, or the stage's current end.
  const shownDate =
    date ||
    (release
      ? proposal.mode === "goLive"
        ? release.forecastGoLive
        : (release.stages.find((s) => s.key === proposal.stage)?.plannedEnd ?? "")
      : "");
  const change = changeOf(proposal, shownDate);
  const { preview, problem, isLoading } = useWhatIf(releaseId, change, version);
  const movable = release?.stages.filter((s) => isMovable(s) && s.key !== "PROD") ?? [];
  const isUnchanged = preview
    ? preview.stages.every(
        (s) =>
          s.endShift === 0 &&
          s.after.start === s.before.start &&
          s.after.workingDays === s.before.workingDays,
      )
    : false;

  function save() {
    if (!preview || !change) return;
    setSaveProblem(null);
    startSaving(async () => {
      const result = await replan({ releaseId, revision: preview.revision, change });
      if (result.status === "success") {
        router.refresh();
        onClose();
      } else {
        setSaveProblem({
          message: result.message ?? "The re-plan was not saved.",
          code: result.code,
        });
      }
    });
  }

  const fieldProblem = problem ?? null;
  const dateId = `${ids}-date`;
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
              <p role="alert" className="text-sm text-danger">
                {loadError}
              </p>
            )}
            <fieldset className="space-y-3">
              <legend className="sr-only">What to change</legend>
              <div className="inline-flex rounded-md border border-border-strong bg-surface p-0.5 shadow-xs">
                {(
                  [
                    { value: "goLive", label: "Move the go-live" },
                    { value: "stageEnd", label: "Change a stage's end" },
                  ] as const
                ).map((option) => (
                  <label
                    key={option.value}
                    className={cn(
                      "cursor-pointer rounded px-3 py-1 text-sm font-medium text-muted has-focus-visible:outline-2 has-focus-visible:outline-accent",
                      proposal.mode === option.value && "bg-accent-soft text-accent",
                    )}
                  >
                    <input
                      type="radio"
                      name={`${ids}-mode`}
                      value={option.value}
                      className="sr-only"
                      checked={proposal.mode === option.value}
                      disabled={
                        option.value === "stageEnd" && release !== null && movable.length === 0
                      }
                      onChange={() => {
                        setDate("");
                        setProposal(
                          option.value === "goLive"
                            ? { mode: "goLive" }
                            : { mode: "stageEnd", stage: movable[0]?.key ?? "DEV" },
                        );
                      }}
                    />
                    {option.label}
                  </label>
                ))}
              </div>
              <div className="flex flex-wrap items-end gap-3">
                {proposal.mode === "stageEnd" && (
                  <div className="flex flex-col gap-1.5">
                    <Label htmlFor={`${ids}-stage`}>Stage</Label>
                    <Select
                      id={`${ids}-stage`}
                      value={proposal.stage}
                      onChange={(event) => {
                        setDate("");
                        setProposal({ mode: "stageEnd", stage: event.target.value as StageKey });
                      }}
                      className="w-56"
                    >
                      {movable.map((stage) => (
                        <option key={stage.key} value={stage.key}>
                          {stage.key} · {STAGE_NAMES[stage.key]}
                        </option>
                      ))}
                    </Select>
                  </div>
                )}
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={dateId}>
                    {proposal.mode === "goLive" ? "New go-live" : "New last day"}
                  </Label>
                  <Input
                    id={dateId}
                    type="date"
                    value={shownDate}
                    onChange={(event) => setDate(event.target.value)}
                    aria-invalid={Boolean(fieldProblem) || undefined}
                    aria-describedby={fieldProblem ? `${ids}-problem` : undefined}
                    className="w-44 tabular"
                  />
                </div>
                {isIsoDate(shownDate) && (
                  <p className="mb-2 text-sm font-medium text-fg tabular" aria-hidden>
                    {formatDisplayDate(shownDate)}
                  </p>
                )}
                {isLoading && (
                  <Loader2
                    aria-label="Working out the plan"
                    className="mb-2 size-5 animate-spin text-muted"
                  />
                )}
              </div>
              {fieldProblem && (
                <div
                  id={`${ids}-problem`}
                  role="alert"
                  className="space-y-2 rounded-md border border-danger/25 bg-danger-soft px-3 py-2 text-sm text-danger"
                >
                  <p>{fieldProblem.message}</p>
                  {fieldProblem.suggestions && fieldProblem.suggestions.length > 0 && (
                    <p className="flex flex-wrap gap-2">
                      {fieldProblem.suggestions.map((suggestion) => (
                        <Button
                          key={suggestion}
                          size="sm"
                          variant="secondary"
                          onClick={() => setDate(suggestion)}
                        >
                          Use {formatDisplayDate(suggestion)}
                        </Button>
                      ))}
                    </p>
                  )}
                </div>
              )}
            </fieldset>

            {preview && !fieldProblem && (
              <PreviewDetails preview={preview} isUnchanged={isUnchanged} />
            )}
          </div>

          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border px-6 py-4">
            {saveProblem && (
              <p role="alert" className="mr-auto flex items-center gap-2 text-sm text-danger">
                {saveProblem.message}
                {saveProblem.code === "STALE_REVISION" && (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      setSaveProblem(null);
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
              disabled={!preview || Boolean(fieldProblem) || isUnchanged || isLoading || isSaving}
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

function PreviewDetails({
  preview,
  isUnchanged,
}: {
  preview: ReplanPreview;
  isUnchanged: boolean;
}) {
  const { goLive, conflicts } = preview;
  return (
    <section aria-label="What moves" aria-live="polite" className="space-y-4" data-testid="what-if">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-border bg-surface-muted/60 px-4 py-3">
        <span className="text-sm text-muted">Go-live</span>
        <span className="text-sm font-semibold text-fg tabular">
          {formatDisplayDate(goLive.before)}
        </span>
        <ArrowRight aria-label="becomes" className="size-4 text-muted" />
        <span className="text-sm font-semibold text-fg tabular">
          {formatDisplayDate(goLive.after)}
        </span>
        <span
          data-testid="go-live-shift"
          className={cn(
            "rounded-full px-2 py-0.5 text-xs font-semibold",
            goLive.shiftWorkingDays > 0 && "bg-warning-soft text-warning",
            goLive.shiftWorkingDays < 0 && "bg-success-soft text-success",
            goLive.shiftWorkingDays === 0 && "bg-surface text-muted ring-1 ring-border",
          )}
        >
          {shiftText(goLive.shiftWorkingDays)}
        </span>
        {preview.windowWorkingDays.after !== preview.windowWorkingDays.before && (
          <span className="text-xs text-muted">
            Window {preview.windowWorkingDays.before} → {preview.windowWorkingDays.after} working
            days
          </span>
        )}
      </div>
      {isUnchanged && (
        <p className="text-sm text-muted">This is the plan as it stands: nothing would move.</p>
      )}

      <table className="w-full text-sm">
        <caption className="sr-only">Stage windows now and after the re-plan</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs font-semibold tracking-wide text-muted uppercase">
            <th scope="col" className="py-1.5 pr-3">
              Stage
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Now
            </th>
            <th scope="col" className="py-1.5 pr-3">
              After
            </th>
            <th scope="col" className="py-1.5 text-right">
              Moves
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.stages.map((stage) => {
            const moved =
              stage.endShift !== 0 ||
              stage.after.start !== stage.before.start ||
              stage.after.workingDays !== stage.before.workingDays;
            return (
              <tr
                key={stage.key}
                data-testid="what-if-stage"
                data-moved={moved || undefined}
                className={cn("border-b border-border/70", moved && "bg-accent-soft/40")}
              >
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <StageChip stageKey={stage.key} status={stage.status} />
                </th>
                <td className="py-2 pr-3 text-muted tabular">
                  {formatDateRange(stage.before.start, stage.before.end)}
                  <span className="block text-xs">{stage.before.workingDays} wd</span>
                </td>
                <td
                  className={cn("py-2 pr-3 tabular", moved ? "font-medium text-fg" : "text-muted")}
                >
                  {formatDateRange(stage.after.start, stage.after.end)}
                  <span className="block text-xs font-normal text-muted">
                    {stage.after.workingDays} wd
                    {stage.after.workingDays !== stage.before.workingDays &&
                      ` (was ${stage.before.workingDays})`}
                  </span>
                </td>
                <td className="py-2 text-right font-semibold tabular">
                  <span className="sr-only">
                    {stage.endShift === 0 ? "unchanged" : shiftText(stage.endShift)}
                  </span>
                  <span aria-hidden>{signed(stage.endShift)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {preview.notes.map((note) => (
        <p
          key={note}
          className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-warning"
        >
          <Snowflake aria-hidden className="mt-0.5 size-4 shrink-0" />
          {note}
        </p>
      ))}
      {preview.freezes.map((freeze) => (
        <p
          key={`${freeze.name}${freeze.start}`}
          data-testid="what-if-freeze"
          className="flex items-start gap-2 text-sm text-muted"
        >
          <Snowflake aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
          <span>
            {freeze.stages.join(" and ")} {freeze.stages.length === 1 ? "runs" : "run"} through the
            freeze window &lsquo;{freeze.name}&rsquo; ({formatDisplayDate(freeze.start)} –{" "}
            {formatDisplayDate(freeze.end)}): work goes on, no go-live inside.
          </span>
        </p>
      ))}

      <div className="space-y-2">
        {conflicts.added.map((conflict) => (
          <p
            key={`${conflict.environment}${conflict.start}`}
            data-testid="what-if-conflict-added"
            className="flex items-start gap-2 rounded-md border border-danger/25 bg-danger-soft px-3 py-2 text-sm text-danger"
          >
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              <strong className="font-semibold">New conflict.</strong> {explainConflict(conflict)}
            </span>
          </p>
        ))}
        {conflicts.resolved.map((conflict) => (
          <p
            key={`${conflict.environment}${conflict.start}`}
            data-testid="what-if-conflict-resolved"
            className="flex items-start gap-2 rounded-md border border-success/25 bg-success-soft px-3 py-2 text-sm text-success"
          >
            <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              <strong className="font-semibold">Clears a conflict.</strong>{" "}
              {explainConflict(conflict)}
            </span>
          </p>
        ))}
        {conflicts.added.length === 0 && conflicts.resolved.length === 0 && (
          <p className="text-sm text-muted">
            No new environment conflicts
            {conflicts.remaining.length > 0 &&
              `; ${conflicts.remaining.length} existing ${conflicts.remaining.length === 1 ? "conflict stays" : "conflicts stay"} as they are`}
            .
          </p>
        )}
      </div>
      {preview.baseline.after !== preview.baseline.before && (
        <p className="text-xs text-muted">
          Saving sets the baseline go-live to {formatDisplayDate(preview.baseline.after)} (now{" "}
          {formatDisplayDate(preview.baseline.before)}) and records the re-plan in the audit trail.
        </p>
      )}
    </section>
  );
}

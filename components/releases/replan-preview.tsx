import { AlertTriangle, ArrowRight, CheckCircle2, Snowflake } from "lucide-react";

import { explainConflict } from "@/lib/domain/conflicts";
import { formatDateRange, formatDisplayDate } from "@/lib/domain/dates";
import type { ReplanPreview } from "@/lib/types/release";
import { cn } from "@/lib/utils";

import { AlertBox } from "../ui/alert-box";

import { StageChip } from "./stage-chip";

export function shiftText(days: number): string {
  if (days === 0) return "no change";
  const unit = Math.abs(days) === 1 ? "working day" : "working days";
  return days > 0 ? `${days} ${unit} later` : `${-days} ${unit} earlier`;
}

function signed(days: number): string {
  if (days === 0) return "—";
  return days > 0 ? `+${days}` : `−${-days}`;
}

/** Whether the preview moves nothing at all: the plan as it stands. */
export function isUnchanged(preview: ReplanPreview): boolean {
  return preview.stages.every(
    (s) =>
      s.endShift === 0 &&
      s.after.start === s.before.start &&
      s.after.workingDays === s.before.workingDays,
  );
}

/**
 * What a re-plan moves, before it is saved: the go-live shift in working days, every stage window
 * now and after, notes and freezes, and the environment conflicts it adds, clears or keeps.
 */
export function ReplanPreviewDetails({ preview }: { preview: ReplanPreview }) {
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
      {isUnchanged(preview) && (
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
        <AlertBox key={note} tone="warning" icon={Snowflake}>
          {note}
        </AlertBox>
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
          <AlertBox
            key={`${conflict.environment}${conflict.start}`}
            data-testid="what-if-conflict-added"
            tone="danger"
            icon={AlertTriangle}
          >
            <strong className="font-semibold">New conflict.</strong> {explainConflict(conflict)}
          </AlertBox>
        ))}
        {conflicts.resolved.map((conflict) => (
          <AlertBox
            key={`${conflict.environment}${conflict.start}`}
            data-testid="what-if-conflict-resolved"
            tone="success"
            icon={CheckCircle2}
          >
            <strong className="font-semibold">Clears a conflict.</strong>{" "}
            {explainConflict(conflict)}
          </AlertBox>
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

"use client";

import { useState } from "react";

import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";

import {
  LazyDateProblem,
  LazyEarliestDateFinder,
  LazyPlanPreview,
} from "../planning/lazy-plan-parts";
import { MonthPicker, type PickMode } from "../planning/month-picker";
import type { PlanPreviewState } from "../planning/use-plan-preview";
import { SegmentedControl } from "../ui/segmented-control";

/**
 * Where a release's plan comes from: a go-live (backward) or a DEV start (forward), picked in a
 * month that marks non-working days, with the six stage windows it gives. When editing, re-planning
 * is opt-in.
 */
export function ReleasePlanFields({
  today,
  region,
  mode,
  onModeChange,
  date,
  onDateChange,
  preview,
  dateError,
  canUseStart,
  replan,
  releaseId,
  onTakeCandidate,
}: {
  today: IsoDate;
  region: string;
  mode: PickMode;
  onModeChange: (mode: PickMode) => void;
  date: IsoDate | null;
  onDateChange: (date: IsoDate | null) => void;
  preview: PlanPreviewState;
  /** The form's own error on the date (e.g. none picked). */
  dateError?: string;
  canUseStart: boolean;
  /** When editing: whether to re-plan, and the go-live as it stands. */
  replan?: { wanted: boolean; onChange: (wanted: boolean) => void; currentGoLive: IsoDate };
  /** The release re-planned: the search leaves its own windows out. */
  releaseId?: string;
  /** A go-live taken from the earliest-free-date search (to be reserved when saved). */
  onTakeCandidate: (goLive: IsoDate) => void;
}) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const isPlanning = replan ? replan.wanted : true;

  return (
    <section
      aria-label="Plan"
      className="space-y-4 rounded-xl border border-border bg-surface p-5 shadow-xs"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-fg">Plan</h2>
        {replan && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={replan.wanted}
              onChange={(event) => replan.onChange(event.target.checked)}
              className="size-4 accent-(--color-accent)"
            />
            Re-plan (current go-live {formatDisplayDate(replan.currentGoLive)})
          </label>
        )}
      </div>
      {isPlanning && (
        <>
          <SegmentedControl
            label="Plan from"
            value={mode}
            options={[
              { value: "goLive", label: "From a go-live" },
              { value: "start", label: "From a DEV start", disabled: !canUseStart },
            ]}
            onChange={(value) => {
              onModeChange(value);
              onDateChange(null);
            }}
            fullWidth
          />
          <MonthPicker
            key={`${mode}-${region}`}
            region={region}
            mode={mode}
            selected={date}
            today={today}
            minDate={today}
            highlight={preview.highlight}
            onPick={(picked) => {
              setRefusal(null);
              onDateChange(picked);
            }}
            onRefused={(picked, reason) =>
              setRefusal(
                `${formatDisplayDate(picked)} cannot be the ${mode === "goLive" ? "go-live" : "DEV start"}: it is ${reason}.`,
              )
            }
          />
          {(refusal || preview.problem) && (
            <LazyDateProblem
              message={refusal ?? preview.problem!.message}
              suggestions={refusal ? undefined : preview.problem?.suggestions}
              onPick={onDateChange}
            />
          )}
          {dateError && (
            <p id="release-date-error" className="text-sm text-danger">
              {dateError}
            </p>
          )}
          {date && (
            // Shown once a date is picked: the search starts from it.
            <LazyEarliestDateFinder
              wish={{ [mode]: date, region, ...(releaseId && { releaseId }) }}
              onTake={(goLive) => {
                setRefusal(null);
                onTakeCandidate(goLive);
              }}
            />
          )}
          {preview.plan && <LazyPlanPreview plan={preview.plan} />}
          {!date && (
            <p className="text-sm text-muted">
              Pick the {mode === "goLive" ? "go-live" : "first DEV day"} in the calendar; the six
              stage windows appear here.
            </p>
          )}
        </>
      )}
    </section>
  );
}

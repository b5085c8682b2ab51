"use client";

import { CalendarCheck, CalendarClock, Loader2 } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

import { formatDisplayDate, type IsoDate, isIsoDate, isViewableDate } from "@/lib/domain/dates";
import type { Region } from "@/lib/domain/holidays";

import { Field } from "../ui/field";
import { SegmentedControl } from "../ui/segmented-control";

import { LazyDateProblem, LazyEarliestDateFinder, LazyPlanPreview } from "./lazy-plan-parts";
import { MonthPicker, type PickMode } from "./month-picker";
import { RegionSelect } from "./region-select";
import { usePlanPreview } from "./use-plan-preview";

type WorkbenchProps = {
  regions: Region[];
  defaultRegion: string;
  today: IsoDate;
  windowLength: number;
};

/**
 * Plan a release: pick a go-live (or a DEV start) and see the six stage windows at once. The
 * choice lives in the URL (?goLive= or ?start=, &region=), so a plan can be shared as a link.
 */
export function PlanningWorkbench({ regions, defaultRegion, today, windowLength }: WorkbenchProps) {
  const router = useRouter();
  const params = useSearchParams();
  const mode: PickMode = params.get("start")
    ? "start"
    : params.get("mode") === "start"
      ? "start"
      : "goLive";
  // A date the address cannot mean (not a calendar day, or outside the years planned) is no choice.
  const asked = (mode === "goLive" ? params.get("goLive") : params.get("start")) ?? "";
  const selected = isIsoDate(asked) && isViewableDate(asked) ? asked : null;
  const region = params.get("region") ?? defaultRegion;

  const preview = usePlanPreview(mode, selected, region);
  const [refusal, setRefusal] = useState<string | null>(null);
  const plan = preview.plan ?? null;

  function update(next: { mode?: PickMode; date?: IsoDate | null; region?: string }) {
    setRefusal(null);
    const nextMode = next.mode ?? mode;
    const nextDate =
      next.date === undefined ? (next.mode && next.mode !== mode ? null : selected) : next.date;
    const search = new URLSearchParams();
    if (nextDate) search.set(nextMode, nextDate);
    else if (nextMode === "start") search.set("mode", "start");
    const nextRegion = next.region ?? region;
    if (nextRegion !== defaultRegion) search.set("region", nextRegion);
    router.replace(`/plan${search.size ? `?${search}` : ""}`, { scroll: false });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <section
        aria-label="Choose a date"
        className="rounded-xl border border-border bg-surface p-5 shadow-xs"
      >
        <div className="space-y-4">
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-fg">Plan from</p>
            <SegmentedControl
              label="Plan from"
              value={mode}
              options={[
                { value: "goLive", label: "Go-live", icon: CalendarCheck },
                { value: "start", label: "DEV start", icon: CalendarClock },
              ]}
              onChange={(value) => update({ mode: value })}
              fullWidth
            />
          </div>
          <Field id="plan-region" label="Holiday region">
            {(control) => (
              <RegionSelect
                {...control}
                regions={regions}
                value={region}
                onChange={(event) => update({ region: event.target.value })}
              />
            )}
          </Field>
          <MonthPicker
            key={`${mode}-${region}`}
            region={region}
            mode={mode}
            selected={selected}
            today={today}
            highlight={preview.highlight}
            onPick={(date) => update({ date })}
            onRefused={(date, reason) =>
              setRefusal(
                `${formatDisplayDate(date)} cannot be the ${mode === "goLive" ? "go-live" : "DEV start"}: it is ${reason}.`,
              )
            }
          />
        </div>
      </section>

      <section
        aria-label="The plan"
        aria-live="polite"
        className="rounded-xl border border-border bg-surface p-5 shadow-xs"
      >
        <div className="mb-4 flex items-center justify-between">
          <h2 className="text-base font-semibold text-fg">Stage windows</h2>
          {preview.isLoading && (
            <Loader2 aria-label="Planning…" className="size-4 animate-spin text-muted" />
          )}
        </div>
        {(refusal || preview.problem) && (
          <LazyDateProblem
            className="mb-4"
            message={refusal ?? preview.problem!.message}
            suggestions={refusal ? undefined : preview.problem?.suggestions}
            onPick={(date) => update({ date })}
          />
        )}
        {plan && (
          <div className="mb-5">
            <LazyEarliestDateFinder
              wish={selected ? { [mode]: selected, region } : undefined}
              onTake={(goLive) => update({ mode: "goLive", date: goLive })}
            />
          </div>
        )}
        {plan ? (
          <LazyPlanPreview plan={plan} />
        ) : (
          !refusal &&
          !preview.problem && (
            <p className="rounded-lg border border-dashed border-border-strong px-4 py-12 text-center text-sm text-muted">
              Pick a {mode === "goLive" ? "go-live" : "DEV start"} in the calendar. The{" "}
              {windowLength} working days of the six stages appear here.
            </p>
          )
        )}
      </section>
    </div>
  );
}

"use client";

import { AlertCircle, CalendarCheck, CalendarClock, Loader2 } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { Region } from "@/lib/domain/holidays";
import { cn } from "@/lib/utils";

import { STAGE_COLOR } from "../releases/stage-style";
import { Label, Select } from "../ui/input";

import { MonthPicker, type PickMode } from "./month-picker";
import { PlanPreview, type PlanView } from "./plan-preview";

type Problem = { message: string; suggestions?: IsoDate[] };

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
  const selected = (mode === "goLive" ? params.get("goLive") : params.get("start")) ?? null;
  const region = params.get("region") ?? defaultRegion;

  // The answer of /api/plan for one request key; anything else derives from it.
  const requestKey = selected ? JSON.stringify([mode, selected, region]) : null;
  const [answer, setAnswer] = useState<{ key: string; plan?: PlanView; problem?: Problem } | null>(
    null,
  );
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const current = answer && answer.key === requestKey ? answer : null;
  const plan = current?.plan ?? null;
  const problem = refusal ?? current?.problem ?? null;
  const isLoading = requestKey !== null && current === null;

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

  useEffect(() => {
    if (!requestKey) return;
    const controller = new AbortController();
    fetch("/api/plan", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ [mode]: selected, region }),
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = await response.json();
        setAnswer(
          response.ok
            ? { key: requestKey, plan: body as PlanView }
            : {
                key: requestKey,
                problem: {
                  message: body.error.message,
                  suggestions: body.error.details?.suggestions,
                },
              },
        );
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError") {
          setAnswer({
            key: requestKey,
            problem: { message: "The plan could not be computed. Try again." },
          });
        }
      });
    return () => controller.abort();
  }, [requestKey, mode, selected, region]);

  const highlight =
    plan?.stages.map((stage) => ({
      start: stage.start,
      end: stage.end,
      color: STAGE_COLOR[stage.key],
    })) ?? [];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <section
        aria-label="Choose a date"
        className="rounded-xl border border-border bg-surface p-5 shadow-xs"
      >
        <div className="space-y-4">
          <fieldset>
            <legend className="text-sm font-medium text-fg">Plan from</legend>
            <div className="mt-1.5 grid grid-cols-2 gap-1 rounded-md border border-border-strong bg-surface-muted p-0.5">
              {(
                [
                  { value: "goLive", label: "Go-live", icon: CalendarCheck },
                  { value: "start", label: "DEV start", icon: CalendarClock },
                ] as const
              ).map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    "flex cursor-pointer items-center justify-center gap-1.5 rounded px-3 py-1.5 text-sm font-medium text-muted has-focus-visible:outline-2 has-focus-visible:outline-accent",
                    mode === option.value && "bg-surface text-fg shadow-xs",
                  )}
                >
                  <input
                    type="radio"
                    name="mode"
                    value={option.value}
                    checked={mode === option.value}
                    onChange={() => update({ mode: option.value })}
                    className="sr-only"
                  />
                  <option.icon aria-hidden className="size-4" />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1.5">
            <Label htmlFor="plan-region">Holiday region</Label>
            <Select
              id="plan-region"
              value={region}
              onChange={(event) => update({ region: event.target.value })}
            >
              {regions.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.code} — {option.name}
                </option>
              ))}
            </Select>
          </div>
          <MonthPicker
            key={`${mode}-${region}`}
            region={region}
            mode={mode}
            selected={selected}
            today={today}
            highlight={highlight}
            onPick={(date) => update({ date })}
            onRefused={(date, reason) =>
              setRefusal({
                message: `${formatDisplayDate(date)} cannot be the ${mode === "goLive" ? "go-live" : "DEV start"}: it is ${reason}.`,
              })
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
          {isLoading && (
            <Loader2 aria-label="Planning…" className="size-4 animate-spin text-muted" />
          )}
        </div>
        {problem && (
          <div
            role="alert"
            className="mb-4 rounded-md border border-danger/25 bg-danger-soft px-3 py-2.5 text-sm text-danger"
          >
            <p className="flex gap-2">
              <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {problem.message}
            </p>
            {problem.suggestions && (
              <p className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-fg">
                Take instead:
                {problem.suggestions.map((date) => (
                  <button
                    key={date}
                    type="button"
                    onClick={() => update({ date })}
                    className="rounded-md border border-border-strong bg-surface px-2 py-0.5 text-sm font-medium hover:bg-surface-muted"
                  >
                    {formatDisplayDate(date)}
                  </button>
                ))}
              </p>
            )}
          </div>
        )}
        {plan ? (
          <PlanPreview plan={plan} />
        ) : (
          !problem && (
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

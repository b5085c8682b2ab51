"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { fetchJson } from "@/lib/client/fetch-json";
import {
  addDays,
  daysInMonth,
  formatDisplayDate,
  type IsoDate,
  MONTH_NAMES,
  weekday,
} from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { monthGrid, monthStart, shiftMonth } from "@/lib/domain/month-calendar";
import { cn } from "@/lib/utils";

import { Button } from "../ui/button";

import { preloadPlanParts } from "./lazy-plan-parts";

export type PickMode = "goLive" | "start";

const WEEKDAY_HEADERS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Why a day cannot be picked in this mode, or undefined when it can. */
export function unavailableReason(
  info: DayInfo | undefined,
  mode: PickMode,
  date?: IsoDate,
  minDate?: IsoDate,
): string | undefined {
  if (date && minDate && date < minDate) return "in the past";
  if (info?.nonWorking) {
    const { kind, name } = info.nonWorking;
    if (kind === "weekend") return "a weekend";
    if (kind === "holiday") return `${name}, a public holiday`;
    return `${name}, a company non-working day`;
  }
  if (mode === "goLive" && info?.freeze)
    return `inside the freeze window '${info.freeze.name}': no go-live`;
  return undefined;
}

/** A day's colours: chosen, else a holiday, a weekend or a closure, else a day of another month. */
function dayTone(
  isSelected: boolean,
  nonWorking: NonNullable<DayInfo["nonWorking"]>["kind"] | undefined,
  isOtherMonth: boolean,
): string {
  if (isSelected) return "bg-accent text-white";
  if (nonWorking === "holiday") return "bg-danger-soft/70 text-danger hover:bg-accent-soft";
  if (nonWorking === "weekend") return "bg-surface-muted text-subtle hover:bg-accent-soft";
  if (nonWorking === "closure")
    return "bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_4px,var(--color-border)_4px_6px)] text-subtle hover:bg-accent-soft";
  return isOtherMonth ? "text-subtle hover:bg-accent-soft" : "hover:bg-accent-soft";
}

function describeDay(date: IsoDate, info: DayInfo | undefined): string {
  const parts = [formatDisplayDate(date)];
  if (info?.nonWorking?.name) parts.push(info.nonWorking.name);
  else if (info?.nonWorking?.kind === "weekend") parts.push("weekend");
  if (info?.freeze) parts.push(`freeze: ${info.freeze.name}`);
  return parts.join(" · ");
}

type MonthPickerProps = {
  region: string;
  mode: PickMode;
  selected: IsoDate | null;
  today: IsoDate;
  /** Stage windows of the current plan, to tint the days they cover. */
  highlight?: { start: IsoDate; end: IsoDate; color: string }[];
  /** Days before this one cannot be picked (e.g. a new release's go-live). */
  minDate?: IsoDate;
  onPick: (date: IsoDate) => void;
  onRefused: (date: IsoDate, reason: string) => void;
};

/**
 * A month calendar that marks weekends, public holidays (named on hover), company non-working
 * periods (hatched) and freeze windows (a band), and refuses what cannot be picked, saying why.
 * Arrow keys move between days, Page Up/Down between months, Enter or Space picks.
 */
export function MonthPicker({
  region,
  mode,
  selected,
  today,
  highlight = [],
  minDate,
  onPick,
  onRefused,
}: MonthPickerProps) {
  const [month, setMonth] = useState(() => monthStart(selected ?? today));
  const [focused, setFocused] = useState<IsoDate>(selected ?? today);
  const [days, setDays] = useState<Map<IsoDate, DayInfo>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const grid = useMemo(() => monthGrid(month), [month]);

  useEffect(() => {
    const controller = new AbortController();
    const from = grid[0]!;
    const to = grid[grid.length - 1]!;
    const search = new URLSearchParams({ region, from, to });
    fetchJson<{ days: DayInfo[] }>(`/api/working-days?${search}`, { signal: controller.signal })
      .then((result) => {
        if (result.ok) {
          setDays(new Map(result.data.days.map((day) => [day.date, day])));
          setLoadError(null);
        } else setLoadError(`Could not load the calendar: ${result.problem.message}`);
      })
      .catch(() => undefined); // aborted
    return () => controller.abort();
  }, [grid, region]);

  const moveFocus = useCallback(
    (date: IsoDate) => {
      setFocused(date);
      if (date.slice(0, 7) !== month.slice(0, 7)) setMonth(monthStart(date));
      requestAnimationFrame(() =>
        gridRef.current?.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)?.focus(),
      );
    },
    [month],
  );

  function choose(date: IsoDate) {
    const reason = unavailableReason(days.get(date), mode, date, minDate);
    if (reason) onRefused(date, reason);
    else onPick(date);
  }

  function handleKeyDown(event: React.KeyboardEvent) {
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    if (event.key in steps) {
      event.preventDefault();
      moveFocus(addDays(focused, steps[event.key]!));
    } else if (event.key === "PageUp" || event.key === "PageDown") {
      event.preventDefault();
      const target = shiftMonth(monthStart(focused), event.key === "PageUp" ? -1 : 1);
      const day = Math.min(
        Number(focused.slice(8)),
        daysInMonth(Number(target.slice(0, 4)), Number(target.slice(5, 7))),
      );
      moveFocus(`${target.slice(0, 8)}${String(day).padStart(2, "0")}`);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      const offset = (weekday(focused) + 6) % 7;
      moveFocus(addDays(focused, event.key === "Home" ? -offset : 6 - offset));
    }
  }

  const highlightOf = (date: IsoDate) => highlight.find((h) => h.start <= date && date <= h.end);
  const monthLabel = `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  const freezesShown = [
    ...new Map(
      [...days.values()].filter((d) => d.freeze).map((d) => [d.freeze!.name, d.freeze!]),
    ).values(),
  ];

  return (
    // Reaching the month loads what a pick shows (the plan, a date's problem).
    <div className="select-none" onPointerEnter={preloadPlanParts} onFocus={preloadPlanParts}>
      <div className="mb-3 flex items-center justify-between">
        <h3 className="text-sm font-semibold text-fg" aria-live="polite">
          {monthLabel}
        </h3>
        <div className="flex items-center gap-1">
          <Button variant="ghost" size="sm" onClick={() => setMonth(monthStart(today))}>
            Today
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label="Previous month"
            onClick={() => setMonth(shiftMonth(month, -1))}
          >
            <ChevronLeft aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label="Next month"
            onClick={() => setMonth(shiftMonth(month, 1))}
          >
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </div>

      <div
        role="grid"
        aria-label={`${monthLabel}, pick the ${mode === "goLive" ? "go-live" : "DEV start"}`}
        ref={gridRef}
        onKeyDown={handleKeyDown}
      >
        <div role="row" className="grid grid-cols-7 gap-1 pb-1">
          {WEEKDAY_HEADERS.map((name) => (
            <div
              key={name}
              role="columnheader"
              className="text-center text-[11px] font-semibold tracking-wide text-subtle uppercase"
            >
              {name}
            </div>
          ))}
        </div>
        {Array.from({ length: 6 }, (_, week) => (
          <div role="row" key={week} className="grid grid-cols-7 gap-1 pb-1">
            {grid.slice(week * 7, week * 7 + 7).map((date) => {
              const info = days.get(date);
              const reason = unavailableReason(info, mode, date, minDate);
              const isOtherMonth = date.slice(0, 7) !== month.slice(0, 7);
              const isSelected = date === selected;
              const band = info?.nonWorking ? undefined : highlightOf(date);
              return (
                <div role="gridcell" key={date} aria-selected={isSelected}>
                  <button
                    type="button"
                    data-date={date}
                    tabIndex={date === focused ? 0 : -1}
                    aria-disabled={reason ? true : undefined}
                    aria-label={`${describeDay(date, info)}${reason ? " — not available" : ""}`}
                    title={describeDay(date, info)}
                    onClick={() => {
                      setFocused(date);
                      choose(date);
                    }}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" || event.key === " ") {
                        event.preventDefault();
                        choose(date);
                      }
                    }}
                    className={cn(
                      "relative flex h-11 w-full flex-col items-center justify-center rounded-md text-sm tabular transition-colors",
                      "focus-visible:z-10",
                      dayTone(isSelected, info?.nonWorking?.kind, isOtherMonth),
                      reason && "cursor-not-allowed",
                      date === today && "font-semibold ring-1 ring-fg/40",
                    )}
                  >
                    <span>{Number(date.slice(8))}</span>
                    {info?.freeze && (
                      <span
                        aria-hidden
                        className="absolute inset-x-1 top-0.5 h-1 rounded-full bg-warning/70"
                      />
                    )}
                    {band && !isSelected && (
                      <span
                        aria-hidden
                        className="absolute inset-x-1 bottom-1 h-1 rounded-full"
                        style={{ background: band.color }}
                      />
                    )}
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>

      {loadError && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {loadError}
        </p>
      )}

      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-muted" aria-label="Legend">
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="size-3 rounded-sm bg-surface-muted ring-1 ring-border" />{" "}
          Weekend
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="size-3 rounded-sm bg-danger-soft ring-1 ring-danger/30" />{" "}
          Public holiday
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="size-3 rounded-sm bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_2px,var(--color-border-strong)_2px_3px)]"
          />{" "}
          Company closure
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="h-1 w-3 rounded-full bg-warning/70" /> Freeze (no go-live)
        </li>
      </ul>
      {freezesShown.length > 0 && (
        <p className="mt-2 text-xs text-muted">
          {freezesShown.map((freeze) => (
            <span key={freeze.name} className="mr-3 inline-block">
              Freeze <strong className="font-medium text-fg">{freeze.name}</strong>:{" "}
              {formatDisplayDate(freeze.start)} – {formatDisplayDate(freeze.end)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

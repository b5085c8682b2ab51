import { AlertTriangle, CornerDownRight, X } from "lucide-react";
import Link from "next/link";
import type { CSSProperties } from "react";

import { formatDisplayDate, type IsoDate, WEEKDAY_NAMES, weekday } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { RELEASE_STATUS_NAMES, STAGE_NAMES, STAGE_STATUS_NAMES } from "@/lib/domain/stages";
import { daysOf, monthsInRange, placeInRange, type TimelineRange } from "@/lib/domain/timeline";
import type { TimelineRow, TimelineStage } from "@/lib/server/timeline/get-timeline";
import { cn } from "@/lib/utils";

import { STAGE_COLOR, STAGE_ON_COLOR } from "../releases/stage-style";

import { TimelineInteractions } from "./timeline-interactions";

const percent = (fraction: number) => `${(fraction * 100).toFixed(4)}%`;

function describeStage(row: TimelineRow, stage: TimelineStage): string {
  const dates =
    stage.start === stage.end
      ? formatDisplayDate(stage.start)
      : `${formatDisplayDate(stage.start)} to ${formatDisplayDate(stage.end)}`;
  return `${row.name}, ${stage.key} ${STAGE_NAMES[stage.key]}: ${STAGE_STATUS_NAMES[stage.status]}, ${dates}`;
}

function Segment({
  row,
  stage,
  range,
  rowIndex,
  column,
}: {
  row: TimelineRow;
  stage: TimelineStage;
  range: TimelineRange;
  rowIndex: number;
  column: number;
}) {
  const place = placeInRange(range, stage.start, stage.end);
  if (!place) return null;
  const style = {
    left: percent(place.left),
    width: percent(place.width),
    "--seg": STAGE_COLOR[stage.key],
    "--seg-on": STAGE_ON_COLOR[stage.key],
  } as CSSProperties;
  const label = describeStage(row, stage);
  return (
    <button
      type="button"
      tabIndex={-1}
      data-segment
      data-row={rowIndex}
      data-col={column}
      data-release={row.id}
      data-stage={stage.key}
      data-status={stage.status}
      aria-label={label}
      title={label}
      style={style}
      className={cn(
        "absolute top-1.5 bottom-1.5 flex min-w-1 items-center gap-0.5 overflow-hidden px-1 text-[10px] leading-none font-semibold whitespace-nowrap",
        "hover:brightness-95 focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-fg",
        place.clippedStart ? "rounded-l-none" : "rounded-l",
        place.clippedEnd ? "rounded-r-none" : "rounded-r",
        stage.status === "SIGNED_OFF" && "bg-(--seg) text-(--seg-on)",
        stage.status === "ACTIVE" && "bg-(--seg) text-(--seg-on) ring-2 ring-fg ring-inset",
        stage.status === "PENDING" &&
          "border border-dashed border-(--seg) bg-[color-mix(in_srgb,var(--seg)_16%,white)] text-fg",
        stage.status === "REJECTED" && "border-2 border-danger bg-danger-soft text-danger",
        row.status === "CANCELLED" && "opacity-40",
      )}
    >
      {stage.status === "REJECTED" && <X aria-hidden className="size-3 shrink-0 stroke-3" />}
      {range.zoom !== "year" && <span aria-hidden>{stage.key}</span>}
    </button>
  );
}

function Marker({
  date,
  range,
  kind,
  title,
}: {
  date: IsoDate;
  range: TimelineRange;
  kind: "go-live" | "baseline";
  title: string;
}) {
  const place = placeInRange(range, date, date);
  if (!place) return null;
  return (
    <span
      aria-hidden
      title={title}
      style={{ left: `calc(${percent(place.left + place.width / 2)} - 5px)` }}
      className={cn(
        "pointer-events-none absolute top-1/2 size-2.5 -translate-y-1/2 rotate-45",
        kind === "go-live"
          ? "bg-fg ring-2 ring-surface"
          : "border-2 border-dashed border-fg/60 bg-transparent",
      )}
    />
  );
}

export function TimelineChart({
  range,
  rows,
  days,
  today,
  regionLabel,
}: {
  range: TimelineRange;
  rows: TimelineRow[];
  days: DayInfo[];
  today: IsoDate;
  regionLabel: string;
}) {
  const months = monthsInRange(range);
  const todayPlace = placeInRange(range, today, today);
  const showDays = range.zoom === "6w";
  const showWeekends = range.zoom !== "year";
  const freezes = [
    ...new Map(
      days.filter((d) => d.freeze).map((d) => [`${d.freeze!.name}${d.freeze!.start}`, d.freeze!]),
    ).values(),
  ];
  const shaded = days.filter(
    (day) => day.nonWorking && (showWeekends || day.nonWorking.kind !== "weekend"),
  );

  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-xs">
      <div className="min-w-[56rem]" style={{ "--label": "17rem" } as CSSProperties}>
        {/* Header: months, then days or weeks, then freeze bands. */}
        <div className="sticky top-0 z-20 grid grid-cols-[var(--label)_1fr] border-b border-border bg-surface">
          <div className="flex items-end border-r border-border px-3 pb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
            Release
          </div>
          <div className="relative">
            <div className="relative h-6 border-b border-border">
              {months.map((month) => (
                <span
                  key={month.label}
                  style={{ left: percent(month.left), width: percent(month.width) }}
                  className="absolute top-0 h-full truncate border-l border-border px-1.5 pt-1 text-xs font-semibold text-fg"
                >
                  {month.label}
                </span>
              ))}
            </div>
            {range.zoom !== "year" && (
              <div className="relative h-6" aria-hidden>
                {daysOf(range).map((date, i) => {
                  const isMonday = weekday(date) === 1;
                  if (!showDays && !isMonday) return null;
                  return (
                    <span
                      key={date}
                      style={{
                        left: percent(i / range.days),
                        width: percent((showDays ? 1 : 7) / range.days),
                      }}
                      className={cn(
                        "absolute top-0 h-full pt-1 text-center text-[10px] text-muted tabular",
                        !showDays && "border-l border-border/70 pl-1 text-left",
                        date === today && "font-bold text-accent",
                      )}
                    >
                      {showDays ? (
                        <>
                          <span className="block leading-none">
                            {WEEKDAY_NAMES[weekday(date)]![0]}
                          </span>
                          <span className="block leading-tight">{Number(date.slice(8))}</span>
                        </>
                      ) : (
                        Number(date.slice(8))
                      )}
                    </span>
                  );
                })}
              </div>
            )}
            {freezes.length > 0 && (
              <div className="relative h-5 border-t border-border">
                {freezes.map((freeze) => {
                  const place = placeInRange(range, freeze.start, freeze.end)!;
                  return (
                    <span
                      key={`${freeze.name}${freeze.start}`}
                      style={{ left: percent(place.left), width: percent(place.width) }}
                      title={`Freeze: ${freeze.name}, ${formatDisplayDate(freeze.start)} – ${formatDisplayDate(freeze.end)} (no go-live)`}
                      className="absolute top-0.5 bottom-0.5 truncate rounded-sm bg-warning-soft px-1.5 text-[10px] leading-4 font-semibold text-warning ring-1 ring-warning/40"
                    >
                      Freeze · {freeze.name}
                    </span>
                  );
                })}
              </div>
            )}
          </div>
        </div>

        <TimelineInteractions>
          <div className="relative">
            {/* Background: non-working days, freezes, today. One layer for all rows. */}
            <div
              aria-hidden
              className="pointer-events-none absolute inset-y-0 right-0 left-(--label)"
            >
              {shaded.map((day) => {
                const place = placeInRange(range, day.date, day.date)!;
                return (
                  <span
                    key={day.date}
                    title={day.nonWorking?.name}
                    style={{ left: percent(place.left), width: percent(place.width) }}
                    className={cn(
                      "absolute inset-y-0",
                      day.nonWorking?.kind === "weekend" && "bg-surface-muted",
                      day.nonWorking?.kind === "holiday" && "bg-danger-soft/70",
                      day.nonWorking?.kind === "closure" &&
                        "bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_4px,var(--color-border)_4px_5px)]",
                    )}
                  />
                );
              })}
              {freezes.map((freeze) => {
                const place = placeInRange(range, freeze.start, freeze.end)!;
                return (
                  <span
                    key={`${freeze.name}${freeze.start}`}
                    style={{ left: percent(place.left), width: percent(place.width) }}
                    className="absolute inset-y-0 border-x border-dashed border-warning/40 bg-warning-soft/30"
                  />
                );
              })}
              {todayPlace && (
                <span
                  style={{ left: percent(todayPlace.left + todayPlace.width / 2) }}
                  className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-accent"
                  data-testid="today-line"
                />
              )}
            </div>

            <ol
              aria-label={`Releases from ${formatDisplayDate(range.start)} to ${formatDisplayDate(range.end)}`}
            >
              {rows.map((row, rowIndex) => (
                <li
                  key={row.id}
                  data-testid="timeline-row"
                  className="grid h-10 grid-cols-[var(--label)_1fr] border-b border-border/70 last:border-b-0"
                >
                  <div
                    className={cn(
                      "flex min-w-0 items-center gap-1.5 border-r border-border bg-surface px-3",
                      row.depth === 1 && "pl-7",
                    )}
                  >
                    {row.depth === 1 && (
                      <CornerDownRight aria-hidden className="size-3.5 shrink-0 text-subtle" />
                    )}
                    <div className="min-w-0">
                      <Link
                        href={`/releases/${row.id}`}
                        className="block truncate text-sm font-medium text-fg hover:text-accent hover:underline"
                      >
                        {row.name}
                      </Link>
                      <p className="truncate text-[11px] text-muted">
                        <span className="font-mono">{row.version}</span>
                        {row.depth === 0 && row.parentName && <> · patch of {row.parentName}</>}
                        {row.status !== "IN_PROGRESS" && <> · {RELEASE_STATUS_NAMES[row.status]}</>}
                      </p>
                    </div>
                    <span className="ml-auto flex shrink-0 items-center gap-1">
                      {row.atRisk && (
                        <span
                          title={`At risk: ${row.slipWorkingDays} working days behind the baseline`}
                          className="flex items-center gap-0.5 rounded bg-warning-soft px-1 text-[10px] font-semibold text-warning"
                        >
                          <AlertTriangle aria-hidden className="size-3" />
                          <span className="sr-only">At risk,</span>+{row.slipWorkingDays}
                        </span>
                      )}
                      {row.isRejected && (
                        <span
                          title="A stage is rejected"
                          className="flex items-center rounded bg-danger-soft px-1 text-[10px] font-semibold text-danger"
                        >
                          <X aria-hidden className="size-3" />
                          <span className="sr-only">Stage rejected</span>
                        </span>
                      )}
                    </span>
                  </div>
                  <div className="relative" data-testid="timeline-bars">
                    {row.stages.map((stage, column) => (
                      <Segment
                        key={stage.key}
                        row={row}
                        stage={stage}
                        range={range}
                        rowIndex={rowIndex}
                        column={column}
                      />
                    ))}
                    {row.forecastGoLive !== row.baselineGoLive && row.status !== "CANCELLED" && (
                      <Marker
                        date={row.baselineGoLive}
                        range={range}
                        kind="baseline"
                        title={`Baseline go-live ${formatDisplayDate(row.baselineGoLive)}`}
                      />
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </div>
        </TimelineInteractions>
      </div>
      <p className="border-t border-border px-3 py-2 text-xs text-muted">
        Shading: weekends, public holidays and company closures of {regionLabel}. Dashed diamond:
        baseline go-live of a release whose forecast moved. Arrow keys move between bars; Enter
        opens a stage.
      </p>
    </div>
  );
}

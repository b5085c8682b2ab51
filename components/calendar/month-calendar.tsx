import { AlertTriangle } from "lucide-react";
import Link from "next/link";

import type { EnvironmentConflict } from "@/lib/domain/conflicts";
import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { cutLanes, LANE_LIMIT } from "@/lib/domain/dense";
import { layoutWeek } from "@/lib/domain/month-calendar";
import { isCancelled } from "@/lib/domain/release-status";
import type { StageKey } from "@/lib/domain/stages";
import type { TimelineRow, TimelineStage } from "@/lib/types/views";
import type { WindowMark } from "@/lib/types/windows";
import { cn } from "@/lib/utils";

import { nonWorkingClassName } from "../timeline/time-axis";
import { BarInteractions } from "../views/bar-interactions";
import { ChartFrame } from "../views/chart-frame";
import { StageBar } from "../views/stage-bar";
import { DayWindowLabels } from "../views/window-marks";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

type Shown = { row: TimelineRow; stages: TimelineStage[] };

function isInConflict(
  conflicts: EnvironmentConflict[],
  releaseId: string,
  key: StageKey,
  start: IsoDate,
  end: IsoDate,
): boolean {
  return conflicts.some(
    (c) =>
      c.environment === key &&
      c.start <= end &&
      c.end >= start &&
      c.releases.some((release) => release.id === releaseId),
  );
}

/**
 * A month as weeks of seven days: every day says whether it is a working day (weekends shaded,
 * holidays named, closures hatched, freezes banded), and each release's stage windows run across
 * the days as bars, one lane per release, with the go-live flagged and conflicts marked.
 */
/** The rollout steps of the shown releases, by the day they are planned on. */
function rolloutStepsByDay(rows: readonly TimelineRow[]) {
  const byDay = new Map<
    IsoDate,
    { row: TimelineRow; step: TimelineRow["rolloutSteps"][number] }[]
  >();
  for (const row of rows) {
    for (const step of row.rolloutSteps) {
      const steps = byDay.get(step.date) ?? [];
      steps.push({ row, step });
      byDay.set(step.date, steps);
    }
  }
  return byDay;
}

export function MonthCalendar({
  month,
  weeks,
  rows,
  days,
  conflicts,
  today,
  environment,
  regionLabel,
  weekHref,
  windowMarks = [],
}: {
  month: IsoDate;
  weeks: IsoDate[][];
  rows: TimelineRow[];
  days: DayInfo[];
  conflicts: EnvironmentConflict[];
  today: IsoDate;
  environment?: StageKey;
  regionLabel: string;
  /** Where a week's releases can all be seen (the timeline from that Monday). */
  weekHref: (weekStart: IsoDate) => string;
  /** Deny windows and exceptions by day (of the environment shown, when one is). */
  windowMarks?: readonly WindowMark[];
}) {
  const dayInfo = new Map(days.map((day) => [day.date, day]));
  const rollout = rolloutStepsByDay(rows);
  const shown: Shown[] = rows.map((row) => ({
    row,
    stages: environment ? row.stages.filter((s) => s.key === environment) : row.stages,
  }));
  // Bars are numbered by lane across the whole month, so arrow keys move from week to week.
  // A busy week draws its first lanes and says, day by day, how many more releases are at work.
  const layouts = weeks.map((week) => {
    const layout = layoutWeek(week, shown);
    const { shown: entries, hidden } = cutLanes(layout.entries, LANE_LIMIT, (e) => e.height);
    const hiddenByDay = week.map(
      (_, column) =>
        hidden.filter(({ bars }) =>
          bars.some((bar) => bar.column <= column && column < bar.column + bar.span),
        ).length,
    );
    return { week, entries, lanes: Math.min(layout.lanes, LANE_LIMIT), hiddenByDay };
  });
  const laneOffsets = layouts.map((_, i) =>
    layouts.slice(0, i).reduce((sum, l) => sum + l.lanes, 0),
  );

  return (
    <ChartFrame
      regionLabel={regionLabel}
      legend={
        windowMarks.length > 0 ? ["go-live", "conflict", "deny-window"] : ["go-live", "conflict"]
      }
      hint="Arrow keys move between bars; Enter opens a stage with its approvals."
    >
      <div aria-hidden className="grid grid-cols-7 border-b border-border bg-surface">
        {WEEKDAYS.map((name) => (
          <div
            key={name}
            className="px-2 py-1.5 text-xs font-semibold tracking-wide text-muted uppercase"
          >
            {name}
          </div>
        ))}
      </div>
      <BarInteractions>
        {layouts.map(({ week, entries, lanes, hiddenByDay }, weekIndex) => {
          const offset = laneOffsets[weekIndex]!;
          return (
            <section
              key={week[0]}
              aria-label={`Week of ${formatDisplayDate(week[0]!)}`}
              data-testid="calendar-week"
              className="relative border-b border-border last:border-b-0"
            >
              <div aria-hidden className="absolute inset-0 grid grid-cols-7">
                {week.map((date) => (
                  <div
                    key={date}
                    className={cn(
                      "border-r border-border/70 last:border-r-0",
                      nonWorkingClassName(dayInfo.get(date)),
                      date.slice(0, 7) !== month.slice(0, 7) && "opacity-60",
                    )}
                  />
                ))}
              </div>
              <div className="relative grid grid-cols-7">
                {week.map((date) => {
                  const info = dayInfo.get(date);
                  const isOtherMonth = date.slice(0, 7) !== month.slice(0, 7);
                  const dayConflicts = [
                    ...new Set(
                      conflicts
                        .filter((c) => c.start <= date && c.end >= date)
                        .filter((c) => !environment || c.environment === environment)
                        .map((c) => c.environment),
                    ),
                  ];
                  const freezeStartsHere =
                    info?.freeze && (info.freeze.start === date || date === week[0]);
                  return (
                    <div
                      key={date}
                      data-date={date}
                      data-testid="calendar-day"
                      title={info?.nonWorking?.name ?? info?.freeze?.name}
                      className="min-w-0 px-1.5 pt-1 pb-1"
                    >
                      <div className="flex items-center justify-between gap-1">
                        <span
                          className={cn(
                            "inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold tabular",
                            date === today
                              ? "bg-accent text-white"
                              : isOtherMonth
                                ? "text-muted"
                                : "text-fg",
                          )}
                          aria-label={`${formatDisplayDate(date)}${date === today ? ", today" : ""}`}
                        >
                          {Number(date.slice(8))}
                        </span>
                        {dayConflicts.length > 0 && (
                          <span
                            className="flex items-center gap-0.5 rounded bg-danger-soft px-1 text-[10px] font-semibold text-danger"
                            title={`Environment conflict in ${dayConflicts.join(", ")}`}
                          >
                            <AlertTriangle aria-hidden className="size-3" />
                            <span className="sr-only">Conflict in</span>
                            {dayConflicts.join(" ")}
                          </span>
                        )}
                      </div>
                      {info?.nonWorking && info.nonWorking.kind !== "weekend" && (
                        <p
                          className={cn(
                            "mt-0.5 truncate text-[11px] leading-4",
                            info.nonWorking.kind === "holiday" ? "text-danger" : "text-muted",
                          )}
                        >
                          {info.nonWorking.name}
                        </p>
                      )}
                      {(rollout.get(date) ?? []).map(({ row, step }) => (
                        <p
                          key={`${row.id}-${step.position}`}
                          data-testid="calendar-rollout"
                          title={`Rollout step ${step.position} of ${row.name}${step.done ? " (done)" : ""}`}
                          className="mt-0.5 truncate text-[10px] leading-4 text-fg"
                        >
                          <span aria-hidden className="text-success">
                            ↗
                          </span>{" "}
                          {step.percent ? `${step.percent} %` : step.label} · {row.name}
                        </p>
                      ))}
                      <DayWindowLabels
                        marks={windowMarks.filter(
                          (mark) =>
                            mark.date === date &&
                            (!environment || mark.environments.includes(environment)),
                        )}
                      />
                      {info?.freeze && (
                        <p className="mt-0.5 truncate rounded-sm bg-warning-soft px-1 text-[10px] leading-4 font-semibold text-warning ring-1 ring-warning/30">
                          {freezeStartsHere ? `Freeze · ${info.freeze.name}` : "Freeze"}
                        </p>
                      )}
                    </div>
                  );
                })}
              </div>
              <div
                className="relative grid grid-cols-14 gap-y-1 px-0.5 pb-2"
                style={{ gridTemplateRows: `repeat(${lanes}, 1.375rem)` }}
              >
                {entries.flatMap(({ release, lane, bars }) =>
                  bars.map((bar) => {
                    const stage = release.stages[bar.stageIndex]!;
                    const { row } = release;
                    const start = week[bar.column]!;
                    const end = week[bar.column + bar.span - 1]!;
                    const conflict = isInConflict(conflicts, row.id, stage.key, start, end);
                    return (
                      <StageBar
                        key={`${row.id}-${stage.key}`}
                        data={{
                          releaseId: row.id,
                          stage: stage.key,
                          row: offset + lane + bar.subLane,
                          col: bar.column,
                        }}
                        releaseName={row.name}
                        stage={stage}
                        style={{
                          gridRow: lane + bar.subLane + 1,
                          // Half-day columns: a handover day holds two stages side by side.
                          gridColumn: `${bar.column * 2 + (bar.startsMidDay ? 1 : 0) + 1} / span ${bar.span * 2 - Number(bar.startsMidDay) - Number(bar.endsMidDay)}`,
                        }}
                        clipped={{ start: bar.clippedStart, end: bar.clippedEnd }}
                        isCancelled={isCancelled(row.status)}
                        isConflict={conflict}
                        showGoLiveFlag
                        className="mx-0.5 min-w-0 gap-1 px-1.5 text-[11px] font-medium"
                      >
                        <span className="truncate">
                          <span className="font-semibold">{stage.key}</span> {row.name}
                        </span>
                      </StageBar>
                    );
                  }),
                )}
              </div>
              {hiddenByDay.some((count) => count > 0) && (
                <div className="relative grid grid-cols-7 pb-1.5" data-testid="calendar-more">
                  {hiddenByDay.map((count, column) => (
                    <div key={week[column]} className="px-1.5">
                      {count > 0 && (
                        <Link
                          href={weekHref(week[0]!)}
                          className="text-[11px] font-semibold text-muted hover:text-accent hover:underline"
                          title={`${count} more ${count === 1 ? "release" : "releases"} at work on ${formatDisplayDate(week[column]!)}: see the week on the timeline`}
                        >
                          +{count} more
                        </Link>
                      )}
                    </div>
                  ))}
                </div>
              )}
            </section>
          );
        })}
      </BarInteractions>
    </ChartFrame>
  );
}

import { formatDisplayDate, type IsoDate, WEEKDAY_NAMES, weekday } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { daysOf, monthsInRange, placeInRange, type TimelineRange } from "@/lib/domain/timeline";
import { cn } from "@/lib/utils";

// The time axis shared by the timeline and the environments view: a header with months, days (or
// weeks) and freeze bands over a label column of width `--label`, and the shading behind the rows.

export const percent = (fraction: number) => `${(fraction * 100).toFixed(4)}%`;

/** Where a stretch of days (a freeze window, clipped to the range already) sits in a range. */
function spanStyle(range: TimelineRange, stretch: { start: IsoDate; end: IsoDate }) {
  const place = placeInRange(range, stretch.start, stretch.end)!;
  return { left: percent(place.left), width: percent(place.width) };
}

/** The background of a day that is not a working day (UI.md: weekends shaded, holidays tinted, closures hatched). */
export function nonWorkingClassName(day: DayInfo | undefined): string | undefined {
  switch (day?.nonWorking?.kind) {
    case "weekend":
      return "bg-surface-muted";
    case "holiday":
      return "bg-danger-soft/70";
    case "closure":
      return "bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_4px,var(--color-border)_4px_5px)]";
    default:
      return undefined;
  }
}

/** The distinct freeze windows among the days of a view. */
function freezesIn(days: DayInfo[]) {
  return [
    ...new Map(
      days.filter((d) => d.freeze).map((d) => [`${d.freeze!.name}${d.freeze!.start}`, d.freeze!]),
    ).values(),
  ];
}

export function TimeAxisHeader({
  range,
  days,
  today,
  label,
}: {
  range: TimelineRange;
  days: DayInfo[];
  today: IsoDate;
  label: string;
}) {
  const months = monthsInRange(range);
  const showDays = range.zoom === "6w";
  const freezes = freezesIn(days);
  return (
    <div className="sticky top-0 z-20 grid grid-cols-[var(--label)_1fr] border-b border-border bg-surface">
      <div className="sticky left-0 z-10 flex items-end border-r border-border bg-surface px-3 pb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
        {label}
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
                    "absolute top-0 h-full pt-1 text-[10px] tabular",
                    showDays ? "text-center" : "border-l border-border/70 pl-1 text-left",
                    date === today ? "font-bold text-accent" : "text-muted",
                  )}
                >
                  {showDays ? (
                    <>
                      <span className="block leading-none">{WEEKDAY_NAMES[weekday(date)]![0]}</span>
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
              return (
                <span
                  key={`${freeze.name}${freeze.start}`}
                  style={spanStyle(range, freeze)}
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
  );
}

/** Non-working days, freeze windows and the today line, behind all rows at once. */
export function DayShading({
  range,
  days,
  today,
}: {
  range: TimelineRange;
  days: DayInfo[];
  today: IsoDate;
}) {
  const todayPlace = placeInRange(range, today, today);
  const showWeekends = range.zoom !== "year";
  const freezes = freezesIn(days);
  const shaded = days.filter(
    (day) => day.nonWorking && (showWeekends || day.nonWorking.kind !== "weekend"),
  );
  return (
    <div aria-hidden className="pointer-events-none absolute inset-y-0 right-0 left-(--label)">
      {shaded.map((day) => {
        const place = placeInRange(range, day.date, day.date)!;
        return (
          <span
            key={day.date}
            title={day.nonWorking?.name}
            style={{ left: percent(place.left), width: percent(place.width) }}
            className={cn("absolute inset-y-0", nonWorkingClassName(day))}
          />
        );
      })}
      {freezes.map((freeze) => (
        <span
          key={`${freeze.name}${freeze.start}`}
          style={spanStyle(range, freeze)}
          className="absolute inset-y-0 border-x border-dashed border-warning/40 bg-warning-soft/30"
        />
      ))}
      {todayPlace && (
        <span
          style={{ left: percent(todayPlace.left + todayPlace.width / 2) }}
          className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-accent"
          data-testid="today-line"
        />
      )}
    </div>
  );
}

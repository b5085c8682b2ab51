// Geometry of the timeline and the month calendar: which days a view shows and where a date range
// sits in it, as fractions of the view's width. Pure, so the server renders bars without any layout JS.
import { addDays, daysBetween, type IsoDate, MONTH_NAMES, weekday } from "./dates";

export const ZOOMS = ["6w", "quarter", "year"] as const;
export type Zoom = (typeof ZOOMS)[number];

export const ZOOM_LABELS: Record<Zoom, string> = {
  "6w": "6 weeks",
  quarter: "Quarter",
  year: "Year",
};

const ZOOM_DAYS: Record<Zoom, number> = { "6w": 42, quarter: 91, year: 364 };
/** How far "previous" and "next" move: most of a view, so a bar stays in sight. */
const ZOOM_STEP: Record<Zoom, number> = { "6w": 28, quarter: 63, year: 182 };

export type TimelineRange = { zoom: Zoom; start: IsoDate; end: IsoDate; days: number };

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The view for a zoom, starting on the Monday on or before `from` (default: a week before today). */
export function timelineRange(zoom: Zoom, today: IsoDate, from?: IsoDate): TimelineRange {
  const start = mondayOf(from ?? addDays(today, zoom === "year" ? -28 : -7));
  const days = ZOOM_DAYS[zoom];
  return { zoom, start, end: addDays(start, days - 1), days };
}

export function shiftRange(range: TimelineRange, direction: -1 | 1): IsoDate {
  return addDays(range.start, direction * ZOOM_STEP[range.zoom]);
}

/** Where [start, end] (calendar days, both included) lies in the view, clipped; undefined if outside. */
export function placeInRange(
  range: Pick<TimelineRange, "start" | "end" | "days">,
  start: IsoDate,
  end: IsoDate,
): { left: number; width: number; clippedStart: boolean; clippedEnd: boolean } | undefined {
  if (end < range.start || start > range.end) return undefined;
  const from = start < range.start ? range.start : start;
  const to = end > range.end ? range.end : end;
  return {
    left: daysBetween(range.start, from) / range.days,
    width: (daysBetween(from, to) + 1) / range.days,
    clippedStart: start < range.start,
    clippedEnd: end > range.end,
  };
}

export type MonthLabel = { label: string; left: number; width: number };

/** The months a view spans, for the header. */
export function monthsInRange(range: Pick<TimelineRange, "start" | "end" | "days">): MonthLabel[] {
  const months: MonthLabel[] = [];
  let cursor = `${range.start.slice(0, 7)}-01`;
  while (cursor <= range.end) {
    const year = Number(cursor.slice(0, 4));
    const month = Number(cursor.slice(5, 7));
    const next =
      month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    const place = placeInRange(range, cursor, addDays(next, -1))!;
    months.push({
      label: `${MONTH_NAMES[month - 1]} ${year}`,
      left: place.left,
      width: place.width,
    });
    cursor = next;
  }
  return months;
}

/** Every day of the view. */
export function daysOf(range: Pick<TimelineRange, "start" | "days">): IsoDate[] {
  return Array.from({ length: range.days }, (_, i) => addDays(range.start, i));
}

export type Handover = { startsMidDay: boolean; endsMidDay: boolean };

/**
 * Stages that hand over on one day (a stage signed off on the day the next one opens) share that
 * day: the first takes its morning, the next its afternoon, so neither bar hides the other. Only
 * stages of more than one day give up half a day; shorter ones keep theirs and may overlap.
 */
export function handovers(stages: readonly { start: IsoDate; end: IsoDate }[]): Handover[] {
  const result = stages.map(() => ({ startsMidDay: false, endsMidDay: false }));
  for (let i = 0; i + 1 < stages.length; i++) {
    const current = stages[i]!;
    const next = stages[i + 1]!;
    if (current.end === next.start && current.start < current.end && next.start < next.end) {
      result[i]!.endsMidDay = true;
      result[i + 1]!.startsMidDay = true;
    }
  }
  return result;
}

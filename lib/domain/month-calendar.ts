// Geometry of a month calendar: the Monday-first grid of weeks that shows a month, and where each
// release's stage windows fall within a week, stacked so that releases never overlap in a lane.
import { addDays, daysBetween, type IsoDate, MONTH_NAMES, weekday } from "./dates";
import { laneCount, packLanes, type Span } from "./lanes";
import { handovers } from "./timeline";

/** The first day of the month of `date`. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `delta` months from the month of `month`. */
export function shiftMonth(month: IsoDate, delta: number): IsoDate {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + delta;
  const y = year + Math.floor(index / 12);
  const m = ((index % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export function monthLabel(month: IsoDate): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The Monday-first six weeks that show a month (always 42 days, so the grid never jumps). */
export function monthGrid(month: IsoDate): IsoDate[] {
  const first = addDays(month, -((weekday(month) + 6) % 7));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

/** The grid split into its weeks, dropping a last week that lies entirely in the next month. */
export function monthWeeks(month: IsoDate): IsoDate[][] {
  const grid = monthGrid(month);
  const weeks = Array.from({ length: 6 }, (_, i) => grid.slice(i * 7, i * 7 + 7));
  return weeks.filter((week) => week[0]!.slice(0, 7) <= month.slice(0, 7));
}

export type WeekBar = {
  /** Index of the stage in the release's list. */
  stageIndex: number;
  /** Day of the week it starts on (0 = Monday) and how many days it covers. */
  column: number;
  span: number;
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Lane within the release's own lanes: stages signed off on one day share that day. */
  subLane: number;
  /** A handover day shared with the stage before or after (see `handovers`): half of it is this stage's. */
  startsMidDay: boolean;
  endsMidDay: boolean;
};

export type WeekEntry<R> = { release: R; lane: number; height: number; bars: WeekBar[] };

/**
 * The releases with a stage in the week, each in its own lane (or lanes, when several of its stages
 * fall on one day, as when they are signed off the day they open) with its stages clipped to the
 * week. Releases keep the order given (the caller's: by go-live) and share lanes when they do not meet.
 */
export function layoutWeek<R extends { stages: readonly { start: IsoDate; end: IsoDate }[] }>(
  week: readonly IsoDate[],
  releases: readonly R[],
): { entries: WeekEntry<R>[]; lanes: number } {
  const first = week[0]!;
  const last = week[week.length - 1]!;
  const present: (Span & { release: R; bars: WeekBar[]; height: number })[] = [];
  for (const release of releases) {
    if (!release.stages.some((stage) => stage.end >= first && stage.start <= last)) continue;
    // Positions in half days of the week, so that a handover day holds two stages side by side.
    const clipped: (Span & { start: number; end: number; bar: Omit<WeekBar, "subLane"> })[] = [];
    const halves = handovers(release.stages);
    release.stages.forEach((stage, stageIndex) => {
      if (stage.end < first || stage.start > last) return;
      const from = stage.start < first ? first : stage.start;
      const to = stage.end > last ? last : stage.end;
      const column = daysBetween(first, from);
      const span = daysBetween(from, to) + 1;
      const startsMidDay = stage.start >= first && halves[stageIndex]!.startsMidDay;
      const endsMidDay = stage.end <= last && halves[stageIndex]!.endsMidDay;
      clipped.push({
        start: column * 2 + (startsMidDay ? 1 : 0),
        end: (column + span) * 2 - 1 - (endsMidDay ? 1 : 0),
        bar: {
          stageIndex,
          column,
          span,
          clippedStart: stage.start < first,
          clippedEnd: stage.end > last,
          startsMidDay,
          endsMidDay,
        },
      });
    });
    if (clipped.length === 0) continue;
    const stacked = packLanes(clipped);
    present.push({
      release,
      bars: stacked.map(({ item, lane }) => ({ ...item.bar, subLane: lane })),
      height: laneCount(stacked),
      start: addDays(first, Math.floor(Math.min(...clipped.map((c) => c.start)) / 2)),
      end: addDays(first, Math.floor(Math.max(...clipped.map((c) => c.end)) / 2)),
    });
  }
  const packed = packLanes(present);
  return {
    entries: packed.map(({ item, lane }) => ({
      release: item.release,
      lane,
      height: item.height,
      bars: item.bars,
    })),
    lanes: laneCount(packed),
  };
}

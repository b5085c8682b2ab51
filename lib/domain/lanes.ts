// Stacking date ranges into as few lanes as possible, so that ranges in one lane never share a day.
// Used by the month calendar (releases within a week) and the environments view (releases within an
// environment). Pure and deterministic: the same input always gives the same picture.
import type { IsoDate } from "./dates";

/**
 * A range, both ends included: dates, or any ordered positions (e.g. half days); `height` is how
 * many lanes it needs (1 unless it stacks things itself).
 */
export type Span = { start: IsoDate | number; end: IsoDate | number; height?: number };

/**
 * Assigns each item its first lane. Items are placed in the order given (so the caller decides who
 * gets the top lanes), each at the first lane from which `height` lanes are all free before its
 * start (a lane is free when its latest end lies before the start).
 */
export function packLanes<T extends Span>(items: readonly T[]): { item: T; lane: number }[] {
  const laneEnds: (IsoDate | number | undefined)[] = [];
  const isFree = (lane: number, start: IsoDate | number) => {
    const end = laneEnds[lane];
    return end === undefined || end < start;
  };
  return items.map((item) => {
    const height = item.height ?? 1;
    // Walk up the lanes counting free ones in a row; a busy lane rules out every start at or below
    // it, so the search goes on above it (a month of a large portfolio stacks hundreds of lanes).
    let lane = 0;
    let freeInRow = 0;
    while (freeInRow < height) {
      if (isFree(lane + freeInRow, item.start)) freeInRow++;
      else {
        lane += freeInRow + 1;
        freeInRow = 0;
      }
    }
    // The lanes were free before this start, so this end is their new latest end.
    for (let i = 0; i < height; i++) laneEnds[lane + i] = item.end;
    return { item, lane };
  });
}

export function laneCount(packed: readonly { item: Span; lane: number }[]): number {
  return packed.reduce((count, { item, lane }) => Math.max(count, lane + (item.height ?? 1)), 0);
}

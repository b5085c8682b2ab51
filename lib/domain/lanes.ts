// Stacking date ranges into as few lanes as possible, so that ranges in one lane never share a day.
// Used by the month calendar (releases within a week) and the environments view (releases within an
// environment). Pure and deterministic: the same input always gives the same picture.
import type { IsoDate } from "./dates";

export type Span = { start: IsoDate; end: IsoDate };

/**
 * Assigns each item a lane index. Items are placed in the order given (so the caller decides who
 * gets the top lanes), each into the first lane whose latest end lies before its start.
 */
export function packLanes<T extends Span>(items: readonly T[]): { item: T; lane: number }[] {
  const laneEnds: IsoDate[] = [];
  return items.map((item) => {
    let lane = laneEnds.findIndex((end) => end < item.start);
    if (lane === -1) lane = laneEnds.length;
    // A lane is taken when its last end is before this start, so this end is the lane's new last end.
    laneEnds[lane] = item.end;
    return { item, lane };
  });
}

export function laneCount(packed: readonly { lane: number }[]): number {
  return packed.reduce((count, { lane }) => Math.max(count, lane + 1), 0);
}

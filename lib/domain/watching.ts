// Watchers of a product or a release are told when a go-live moves by more working days than they
// tolerate. Moves are measured from the go-live they last heard of (or saw when they began to
// watch), so small moves add up to one notice and a move is told once.
import type { IsoDate } from "./dates";
import { slipInWorkingDays } from "./progress";
import type { WorkingDayCalendar } from "./working-days";

export const DEFAULT_SLIP_THRESHOLD = 2;
export const MAX_SLIP_THRESHOLD = 60;

export type GoLiveMove = { from: IsoDate; to: IsoDate; workingDays: number };

/**
 * The move to tell a watcher of, or null: when the go-live lies more than `threshold` working days
 * from the one they last heard of (later or earlier).
 */
export function moveToTell(
  told: IsoDate,
  goLive: IsoDate,
  threshold: number,
  calendar: WorkingDayCalendar,
): GoLiveMove | null {
  const workingDays = slipInWorkingDays(told, goLive, calendar);
  return Math.abs(workingDays) > threshold ? { from: told, to: goLive, workingDays } : null;
}

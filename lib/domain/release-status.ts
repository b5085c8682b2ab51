// What a release's status means, stated once. Two groupings matter and are easy to mix up:
// "open" releases can be worked on (stages decided); "under way" ones also include releases on
// hold, which still occupy their plan (conflicts, forecast, at risk) but wait for a resume.
import type { ReleaseStatus } from "./stages";

/** Stages may be signed off, rejected and reopened. */
export const OPEN_STATUSES = ["PLANNED", "IN_PROGRESS"] as const satisfies readonly ReleaseStatus[];

/** Still on the way to go-live: open or on hold. */
export const UNDER_WAY_STATUSES = [
  ...OPEN_STATUSES,
  "ON_HOLD",
] as const satisfies readonly ReleaseStatus[];

/** Finished one way or the other: nothing is planned or decided any more. */
export const CLOSED_STATUSES = ["LIVE", "CANCELLED"] as const satisfies readonly ReleaseStatus[];

export function isOpen(status: ReleaseStatus): boolean {
  return (OPEN_STATUSES as readonly ReleaseStatus[]).includes(status);
}

export function isUnderWay(status: ReleaseStatus): boolean {
  return (UNDER_WAY_STATUSES as readonly ReleaseStatus[]).includes(status);
}

export function isClosed(status: ReleaseStatus): boolean {
  return (CLOSED_STATUSES as readonly ReleaseStatus[]).includes(status);
}

/** A cancelled release takes no part in anything any more: no conflicts, no edits, no patches. */
export function isCancelled(status: ReleaseStatus): boolean {
  return status === "CANCELLED";
}

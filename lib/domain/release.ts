// The plain shapes of a release and its stage dates that the views and the report read.
import type { IsoDate } from "./dates";
import type { ReleaseStatus, ReleaseType, StageKey, StageStatus } from "./stages";

/** What names a release and where it stands. */
export type ReleaseSummary = {
  id: string;
  name: string;
  version: string;
  type: ReleaseType;
  status: ReleaseStatus;
  region: string;
  baselineGoLive: IsoDate;
  /** The product it belongs to. */
  product: { key: string; name: string };
};

/** A stage window: its plan, what happened, its length. */
export type StageDates = {
  key: StageKey;
  status: StageStatus;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  actualStart: IsoDate | null;
  actualEnd: IsoDate | null;
  workingDays: number;
};

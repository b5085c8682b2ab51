// The rows the timeline, the calendar and the environments view draw (types only).
import type { ReleaseOutcome } from "@/lib/domain/after-go-live";
import type { IsoDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import type { DeploymentFlag } from "@/lib/domain/deployments";
import type { ReleaseSummary, StageDates } from "@/lib/domain/release";
import type { ReleaseStatus, ReleaseType, StageKey, StageStatus } from "@/lib/domain/stages";

import type { PromotionState } from "./gitops";

export type TimelineStage = StageDates & {
  /** Where the bar is drawn: what happened, else the plan; an overdue active stage reaches today. */
  start: IsoDate;
  end: IsoDate;
};

export type TimelineRow = ReleaseSummary & {
  parentId: string | null;
  parentName: string | null;
  /** 1 for a patch shown under its release. */
  depth: 0 | 1;
  originalGoLive: IsoDate;
  forecastGoLive: IsoDate;
  overdueStage: StageKey | null;
  /** The steps of a staggered, canary or dark-launch rollout after the go-live. */
  rolloutSteps: {
    position: number;
    date: IsoDate;
    percent: number | null;
    label: string | null;
    done: boolean;
  }[];
  /** Live releases: the observation window after the go-live and the outcome, if recorded. */
  afterGoLive: {
    liveOn: IsoDate;
    observationEnd: IsoDate;
    outcome: ReleaseOutcome | null;
    /** Signals the monitoring reported during the observation (or rollout). */
    signals: { critical: number; warning: number; firing: number };
  } | null;
  slipWorkingDays: number;
  atRisk: boolean;
  isRejected: boolean;
  /** What is wrong with the latest deployment of each environment. */
  deploymentFlags: DeploymentFlag[];
  /** The latest promotion through Git, if any: where to and how it stands. */
  promotion: { environment: StageKey; state: PromotionState; error: string | null } | null;
  stages: TimelineStage[];
};

/** A product's rows of the timeline: how many, how many at risk, those drawn, those left out. */
export type TimelineGroup = {
  product: { key: string; name: string };
  count: number;
  atRisk: number;
  shown: TimelineRow[];
  hidden: number;
};

/** The timeline as drawn: by product (each group cut) or one list (cut), and how many in all. */
export type TimelineView = {
  total: number;
  groups: TimelineGroup[] | null;
  flat: { shown: TimelineRow[]; hidden: number } | null;
  days: DayInfo[];
};

/** A release in an environment over a stretch of days, as it happened or as planned. */
export type EnvironmentStay = {
  releaseId: string;
  releaseName: string;
  product: { key: string; name: string };
  version: string;
  type: ReleaseType;
  releaseStatus: ReleaseStatus;
  environment: StageKey;
  stageStatus: StageStatus;
  start: IsoDate;
  end: IsoDate;
};

// The shapes the API answers and the UI draws. Types only: the server maps its rows to them
// (lib/server/releases/release-dto.ts), components read them.
import type { AfterGoLivePhase, ReleaseOutcome } from "@/lib/domain/after-go-live";
import type { IsoDate } from "@/lib/domain/dates";
import type { DeploymentFlag } from "@/lib/domain/deployments";
import type { PeopleAuditAction } from "@/lib/domain/people";
import type { ReleaseCommand } from "@/lib/domain/release-commands";
import type { RolloutStrategy } from "@/lib/domain/rollout";
import type { AuditAction, StageState } from "@/lib/domain/signoff";
import type { ReleaseStatus, ReleaseType, Role, StageKey } from "@/lib/domain/stages";
import type { WhatIf } from "@/lib/domain/what-if";

import type { DeploymentSummary } from "./deployment";

export type PersonDto = { id: string; name: string; email: string };

/** How a release names its product. */
export type ProductRef = { key: string; name: string };

export type ApprovalDto = {
  id: string;
  user: PersonDto & { role: Role };
  /** The absent person a deputy decided for; null for a decision in one's own name. */
  onBehalfOf: PersonDto | null;
  decision: "APPROVE" | "REJECT";
  comment: string | null;
  at: string;
  round: number;
};

/** A stage as the sign-off rules see it (StageState), with its name, who signs and who did. */
export type StageDto = Omit<StageState, "approvals"> & {
  name: string;
  /** Roles that may sign this stage off (from the settings). */
  allowedRoles: Role[];
  /** The product's named approvers of this stage; empty = anyone holding an allowed role. */
  approvers: (PersonDto & { isActive: boolean })[];
  /** Approvals still needed in the current round (0 once signed off). */
  approvalsMissing: number;
  /** The stage as expected now: what happened, else the plan, pushed when a stage runs late. */
  forecastStart: IsoDate;
  forecastEnd: IsoDate;
  /** The latest deployment reported to this stage's environment. */
  lastDeployment: DeploymentSummary | null;
  approvals: ApprovalDto[];
};

export type ReleaseDto = {
  id: string;
  name: string;
  version: string;
  digest: string | null;
  description: string | null;
  type: ReleaseType;
  status: ReleaseStatus;
  statusReason: string | null;
  region: string;
  product: ProductRef;
  parentId: string | null;
  parent: { id: string; name: string; version: string } | null;
  revision: number;
  /** The go-live of the first plan; never changes. */
  originalGoLive: IsoDate;
  /** The go-live of the last deliberate plan. */
  baselineGoLive: IsoDate;
  /** The go-live as things stand today: pushed by an overdue stage (see forecastNotes). */
  forecastGoLive: IsoDate;
  slipWorkingDays: number;
  /** Late against the baseline, or a stage overdue. */
  atRisk: boolean;
  /** The stage still open after its planned end, if any. */
  overdueStage: StageKey | null;
  forecastNotes: string[];
  /** The day PROD was signed off (live releases). */
  liveOn: IsoDate | null;
  /** The last day of the observation window after go-live (live releases). */
  observationEnd: IsoDate | null;
  outcome: ReleaseOutcome | null;
  afterGoLive: AfterGoLiveDto | null;
  rollout: RolloutDto;
  /** What is wrong with the latest deployment of each environment (artifact mismatch, out of order). */
  deploymentFlags: DeploymentFlag[];
  /** Signals of the observation window (or rollout) in production: counts by severity, still firing. */
  signals: { critical: number; warning: number; firing: number };
  currentStage: StageKey | null;
  createdBy: PersonDto;
  createdAt: string;
  updatedAt: string;
  stages: StageDto[];
};

/** A live release's observation window and what became of it. */
export type AfterGoLiveDto = {
  phase: AfterGoLivePhase;
  observationEnd: IsoDate;
  comment: string | null;
  rolledBackTo: string | null;
  /** The patch that rolled it forward. */
  patch: {
    id: string;
    name: string;
    version: string;
    status: ReleaseStatus;
    liveOn: IsoDate | null;
  } | null;
  /** The day service was restored (a roll-back, or the fixing patch live). */
  restoredOn: IsoDate | null;
  recordedAt: string | null;
  recordedBy: PersonDto | null;
};

export type RolloutStepDto = {
  position: number;
  /** The step's day; when the go-live moves, the steps move with it (same distance in days). */
  date: IsoDate;
  percent: number | null;
  label: string | null;
  doneAt: string | null;
  /** The company day it was marked done. */
  doneOn: IsoDate | null;
  doneBy: PersonDto | null;
};

/** How the PROD stage reaches its users, and how far it has come. */
export type RolloutDto = {
  strategy: RolloutStrategy;
  flags: string[];
  steps: RolloutStepDto[];
  /** Steps done of all; fully rolled out on `completedOn` (a big bang: the go-live). */
  progress: { done: number; total: number; completedOn: IsoDate | null };
};

export type PatchSummary = Pick<
  ReleaseDto,
  "id" | "name" | "version" | "status" | "forecastGoLive" | "currentStage" | "atRisk"
>;

export type ReleaseDetail = ReleaseDto & { patches: PatchSummary[] };

/** What the person looking at a release may do with it right now (drives buttons, never the rules). */
export type ViewerActions = {
  /** The stage they may approve or reject now, if any. */
  decidableStage: StageKey | null;
  /** When they would decide it as a deputy: the absent person they stand in for. */
  decidingFor: { id: string; name: string } | null;
  /** A rejected stage they may reopen, if any. */
  reopenableStage: StageKey | null;
  /** What they may do with the release itself now: edit, re-plan, hold, resume, cancel, add a patch. */
  commands: ReleaseCommand[];
};

/** GET /api/releases/{id}: the release as seen by the caller. */
export type LoadedRelease = ReleaseDetail & { viewer: ViewerActions };

export type AuditEventDto = {
  id: string;
  action:
    | AuditAction
    | PeopleAuditAction
    | "SETTINGS_CHANGED"
    | "PRODUCT_CREATED"
    | "PRODUCT_UPDATED"
    | "APPROVERS_CHANGED"
    | "TRAIN_CHANGED"
    | "WINDOW_CHANGED"
    | "GITOPS_CHANGED"
    | "SIGNAL_MATCHING_CHANGED"
    | "DELEGATION_CREATED"
    | "DELEGATION_ENDED";
  actor: { id: string; name: string; email: string } | null;
  stageKey: StageKey | null;
  comment: string | null;
  before: unknown;
  after: unknown;
  at: string;
};

/** POST /api/releases/{id}/what-if: what a re-plan would move, on the revision it was computed. */
export type ReplanPreview = WhatIf & { releaseId: string; revision: number };

/** A stage waiting for the person's decision (My approvals). */
export type WaitingApproval = {
  release: Pick<
    ReleaseDto,
    "id" | "name" | "version" | "type" | "status" | "forecastGoLive" | "baselineGoLive" | "atRisk"
  >;
  stage: StageDto;
  /** Waiting for the person as deputy of this absent person (their delegation runs today). */
  onBehalfOf: { id: string; name: string } | null;
  /** The stage's planned last day has passed. */
  isOverdue: boolean;
};

/** A live release whose observation window is over and whose outcome is not recorded. */
export type OutcomeDue = {
  release: Pick<ReleaseDto, "id" | "name" | "version" | "type" | "product">;
  liveOn: IsoDate;
  observationEnd: IsoDate;
  /** What the monitoring saw during the observation: the outcome's evidence. */
  signals: ReleaseDto["signals"];
};

/** GET /api/me/approvals: what waits for the caller. */
export type WhatWaits = { today: IsoDate; items: WaitingApproval[]; outcomesDue: OutcomeDue[] };

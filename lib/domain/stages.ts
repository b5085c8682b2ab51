// The six environments every release and patch moves through, always in this order.

export const STAGE_KEYS = ["DEV", "TEST", "LAST", "INT", "PREPROD", "PROD"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const STAGE_STATUSES = ["PENDING", "ACTIVE", "REJECTED", "SIGNED_OFF"] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const ROLES = ["ADMIN", "RELEASE_MANAGER", "QA", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may be allowed to sign a stage off (a viewer only reads). */
export const APPROVER_ROLES = ["QA", "RELEASE_MANAGER", "ADMIN"] as const satisfies readonly Role[];

export const RELEASE_TYPES = ["RELEASE", "PATCH"] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];

export const RELEASE_STATUSES = ["PLANNED", "IN_PROGRESS", "ON_HOLD", "CANCELLED", "LIVE"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const STAGE_NAMES: Record<StageKey, string> = {
  DEV: "Development",
  TEST: "Test",
  LAST: "Load test",
  INT: "Integration",
  PREPROD: "Pre-production",
  PROD: "Production",
};

export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: "Admin",
  RELEASE_MANAGER: "Release manager",
  QA: "QA",
  VIEWER: "Viewer",
};

export const RELEASE_STATUS_NAMES: Record<ReleaseStatus, string> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  ON_HOLD: "On hold",
  CANCELLED: "Cancelled",
  LIVE: "Live",
};

export const STAGE_STATUS_NAMES: Record<StageStatus, string> = {
  PENDING: "Pending",
  ACTIVE: "Active",
  REJECTED: "Rejected",
  SIGNED_OFF: "Signed off",
};

export type StageDurations = Record<StageKey, number>;

/** Working days per stage; the sum (28) is the process window, PROD is the go-live day. */
export const DEFAULT_STAGE_DURATIONS: StageDurations = {
  DEV: 3,
  TEST: 7,
  LAST: 5,
  INT: 5,
  PREPROD: 7,
  PROD: 1,
};

export type StageRule = { approvalsRequired: number; allowedRoles: readonly Role[] };

/** Who signs a stage off by default, and how many distinct people must approve it. */
export const DEFAULT_STAGE_RULES: Record<StageKey, StageRule> = {
  DEV: { approvalsRequired: 1, allowedRoles: ["QA", "RELEASE_MANAGER"] },
  TEST: { approvalsRequired: 1, allowedRoles: ["QA"] },
  LAST: { approvalsRequired: 1, allowedRoles: ["QA"] },
  INT: { approvalsRequired: 1, allowedRoles: ["QA"] },
  PREPROD: { approvalsRequired: 2, allowedRoles: ["QA", "RELEASE_MANAGER"] },
  PROD: { approvalsRequired: 1, allowedRoles: ["RELEASE_MANAGER"] },
};

export function windowLength(durations: StageDurations): number {
  return STAGE_KEYS.reduce((sum, key) => sum + durations[key], 0);
}

export function isStageKey(value: string): value is StageKey {
  return (STAGE_KEYS as readonly string[]).includes(value);
}

/** The stage a release is in: the first one not yet signed off (undefined once all are). */
export function currentStageOf<T extends { key: StageKey; status: StageStatus }>(
  stages: readonly T[],
): T | undefined {
  return stages.find((stage) => stage.status !== "SIGNED_OFF");
}

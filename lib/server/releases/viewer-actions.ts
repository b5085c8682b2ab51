import type { PlanningSettings } from "@/lib/domain/settings";
import { decisionBlocker, type ReleaseState } from "@/lib/domain/signoff";
import type { StageKey } from "@/lib/domain/stages";
import { canPlanReleases } from "@/lib/permissions";
import type { SessionUser } from "@/lib/server/users/session-user";

import type { ReleaseDto } from "./release-dto";

/** What the person looking at a release may do with it right now (drives buttons, never the rules). */
export type ViewerActions = {
  /** The stage they may approve or reject now, if any. */
  decidableStage: StageKey | null;
  /** A rejected stage they may reopen, if any. */
  reopenableStage: StageKey | null;
  /** Whether they may edit, re-plan, hold, resume or cancel. */
  canPlan: boolean;
};

export function releaseStateOf(release: ReleaseDto): ReleaseState {
  return {
    status: release.status,
    createdById: release.createdBy.id,
    stages: release.stages.map((stage) => ({
      ...stage,
      approvals: stage.approvals.map((a) => ({
        userId: a.user.id,
        decision: a.decision,
        round: a.round,
      })),
    })),
  };
}

export function viewerActions(
  release: ReleaseDto,
  user: SessionUser,
  settings: PlanningSettings,
): ViewerActions {
  const state = releaseStateOf(release);
  const current = release.stages.find((stage) => stage.key === release.currentStage);
  const isOpen = release.status === "PLANNED" || release.status === "IN_PROGRESS";
  const canPlan = canPlanReleases(user.role);
  return {
    decidableStage:
      current && !decisionBlocker(state, current.key, user, settings.stageRules[current.key])
        ? current.key
        : null,
    reopenableStage: canPlan && isOpen && current?.status === "REJECTED" ? current.key : null,
    canPlan,
  };
}

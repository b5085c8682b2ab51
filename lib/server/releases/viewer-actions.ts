import "server-only";

import { commandsFor } from "@/lib/domain/release-commands";
import type { PlanningSettings } from "@/lib/domain/settings";
import { type ReleaseState, reopenableStage, waitsFor } from "@/lib/domain/signoff";
import type { ReleaseDto, ViewerActions } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

/** The release as the pure rules see it, from its API shape. */
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

/** What `user` may do with the release now, answered by the domain rules (the UI only shows it). */
export function viewerActions(
  release: ReleaseDto,
  user: SessionUser,
  settings: PlanningSettings,
): ViewerActions {
  const state = releaseStateOf(release);
  return {
    decidableStage: waitsFor(state, user, settings.stageRules) ?? null,
    reopenableStage: reopenableStage(state, user) ?? null,
    commands: commandsFor(user, release),
  };
}

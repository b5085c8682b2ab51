import "server-only";

import { commandsFor } from "@/lib/domain/release-commands";
import type { PlanningSettings } from "@/lib/domain/settings";
import { type Principal, type ReleaseState, reopenableStage, waitsFor } from "@/lib/domain/signoff";
import { delegatorsFor } from "@/lib/server/delegations/delegations";
import { companyToday } from "@/lib/server/today";
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
        onBehalfOfId: a.onBehalfOf?.id ?? null,
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
  delegators: readonly Principal[] = [],
): ViewerActions {
  const state = releaseStateOf(release);
  const waiting = waitsFor(state, user, settings.stageRules, delegators);
  return {
    decidableStage: waiting?.key ?? null,
    decidingFor: waiting?.onBehalfOf
      ? { id: waiting.onBehalfOf.id, name: waiting.onBehalfOf.name }
      : null,
    reopenableStage: reopenableStage(state, user) ?? null,
    commands: commandsFor(user, release),
  };
}

/** viewerActions for the signed-in person today, with the absent people they stand in for. */
export async function viewerActionsFor(
  release: ReleaseDto,
  user: SessionUser,
  settings: PlanningSettings,
): Promise<ViewerActions> {
  const delegators = await delegatorsFor(user.id, companyToday(settings.companyTimeZone));
  return viewerActions(release, user, settings, delegators);
}

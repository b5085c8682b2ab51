import "server-only";

import type { ReleaseState } from "@/lib/domain/signoff";

import { namedApprovers, type ReleaseRow } from "./release-dto";
import { toStageDates } from "./selects";

/** The release as the pure sign-off rules see it. */
export function toReleaseState(row: ReleaseRow): ReleaseState {
  return {
    status: row.status,
    createdById: row.createdById,
    stages: row.stages.map((stage) => ({
      ...toStageDates(stage),
      approvalsRequired: stage.approvalsRequired,
      approvalRound: stage.approvalRound,
      approverIds: namedApprovers(row, stage.key).map((person) => person.id),
      approvals: stage.approvals.map((approval) => ({
        userId: approval.userId,
        onBehalfOfId: approval.onBehalfOfId,
        decision: approval.decision,
        round: approval.round,
      })),
    })),
  };
}

import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { ReleaseState } from "@/lib/domain/signoff";

import { namedApprovers } from "./release-dto";
import { productApproversSelect, stageDatesSelect, toStageDates } from "./selects";

/** What the sign-off rules read of a release: no more (counting what waits reads thousands). */
export const releaseStateSelect = {
  id: true,
  status: true,
  createdById: true,
  product: { select: { approvers: productApproversSelect } },
  stages: {
    orderBy: { key: "asc" },
    select: {
      ...stageDatesSelect.select,
      approvalsRequired: true,
      approvalRound: true,
      approvals: { select: { userId: true, onBehalfOfId: true, decision: true, round: true } },
    },
  },
} satisfies Prisma.ReleaseSelect;

type ReleaseStateRow = Prisma.ReleaseGetPayload<{ select: typeof releaseStateSelect }>;

/** The release as the pure sign-off rules see it (from the lean row or a whole release row). */
export function toReleaseState(row: Omit<ReleaseStateRow, "id">): ReleaseState {
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

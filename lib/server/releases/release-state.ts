import "server-only";

import { dateToIso } from "@/lib/domain/dates";
import type { ReleaseState } from "@/lib/domain/signoff";

import type { ReleaseRow } from "./release-dto";

/** The release as the pure sign-off rules see it. */
export function toReleaseState(row: ReleaseRow): ReleaseState {
  return {
    status: row.status,
    createdById: row.createdById,
    stages: row.stages.map((stage) => ({
      key: stage.key,
      status: stage.status,
      plannedStart: dateToIso(stage.plannedStart),
      plannedEnd: dateToIso(stage.plannedEnd),
      actualStart: stage.actualStart ? dateToIso(stage.actualStart) : null,
      actualEnd: stage.actualEnd ? dateToIso(stage.actualEnd) : null,
      workingDays: stage.workingDays,
      approvalsRequired: stage.approvalsRequired,
      approvalRound: stage.approvalRound,
      approvals: stage.approvals.map((approval) => ({
        userId: approval.userId,
        decision: approval.decision,
        round: approval.round,
      })),
    })),
  };
}

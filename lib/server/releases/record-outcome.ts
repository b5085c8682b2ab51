import "server-only";

import { outcomeProblem } from "@/lib/domain/after-go-live";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { wentLiveOn } from "@/lib/domain/progress";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { OutcomeInput } from "@/lib/validation/releases";

import { changeRelease } from "./mutate-release";

/**
 * Records (or corrects) what became of a live release after its go-live: kept, rolled back to a
 * version (restored on a day, today unless said), or rolled forward by one of its patches. Audited
 * with what it was before.
 */
export function recordOutcome(
  actor: SessionUser,
  id: string,
  input: OutcomeInput,
  options: { today?: string } = {},
): Promise<ReleaseDto> {
  return changeRelease(
    "releases.outcome",
    actor,
    id,
    async ({ tx, row, release, today }) => {
      const prod = release.stages.at(-1)!;
      const liveOn = release.status === "LIVE" ? wentLiveOn(prod) : null;
      const patch = input.patchId
        ? await tx.release.findUnique({
            where: { id: input.patchId },
            select: { parentId: true, type: true, name: true },
          })
        : undefined;
      const problem = outcomeProblem({
        status: release.status,
        liveOn,
        outcome: input,
        patch,
        releaseId: id,
        today,
      });
      if (problem) throw problem;
      const restoredOn = input.outcome === "ROLLED_BACK" ? (input.restoredOn ?? today) : null;
      return {
        stageChanges: [],
        fields: {
          outcome: input.outcome,
          outcomeComment: input.comment,
          rolledBackTo: input.rolledBackTo ?? null,
          restoredOn: restoredOn ? isoToDate(restoredOn) : null,
          outcomePatch: input.patchId ? { connect: { id: input.patchId } } : { disconnect: true },
          outcomeRecordedAt: new Date(),
          outcomeRecordedBy: { connect: { id: actor.id } },
        },
        events: [
          {
            action: "RELEASE_OUTCOME",
            comment: input.comment,
            before: row.outcome
              ? {
                  outcome: row.outcome,
                  rolledBackTo: row.rolledBackTo,
                  restoredOn: row.restoredOn ? dateToIso(row.restoredOn) : null,
                }
              : undefined,
            after: {
              outcome: input.outcome,
              ...(input.rolledBackTo && { rolledBackTo: input.rolledBackTo, restoredOn }),
              ...(patch && { patch: patch.name }),
            },
          },
        ],
      };
    },
    options,
  );
}

// Sign-off, rejection and reopening of a stage, and hold / resume / cancel of a release: each one
// locked, checked by the pure rules in lib/domain/signoff.ts and audited in the same transaction.
import "server-only";

import { cancel, decide, type Decision, hold, reopen, resume } from "@/lib/domain/signoff";
import type { StageKey } from "@/lib/domain/stages";
import { delegatorsFor } from "@/lib/server/delegations/delegations";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { mutateRelease } from "./mutate-release";

type Common = { id: string; actor: SessionUser; today?: string };

/** A decision in one's own name, or as deputy for someone whose delegation runs today. */
export function signOffStage(
  input: Common & {
    key: StageKey;
    decision: Decision;
    comment?: string | null;
    onBehalfOf?: string;
  },
): Promise<ReleaseDto> {
  return mutateRelease({
    id: input.id,
    actor: input.actor,
    today: input.today,
    decide: async ({ tx, release, settings, calendar, today }) =>
      decide({
        release,
        key: input.key,
        actor: input.actor,
        decision: input.decision,
        comment: input.comment ?? null,
        rule: settings.stageRules[input.key],
        today,
        calendar,
        delegators: await delegatorsFor(input.actor.id, today, tx),
        onBehalfOfId: input.onBehalfOf,
      }),
  });
}

export function reopenStage(
  input: Common & { key: StageKey; comment?: string | null },
): Promise<ReleaseDto> {
  return mutateRelease({
    id: input.id,
    actor: input.actor,
    decide: ({ release }) => reopen(release, input.key, input.actor, input.comment ?? null),
  });
}

type StatusChange = Common & { reason?: string | null; revision?: number };

export function holdRelease(input: StatusChange & { reason: string }): Promise<ReleaseDto> {
  return mutateRelease({
    id: input.id,
    actor: input.actor,
    expectedRevision: input.revision,
    decide: ({ release }) => hold(release, input.actor, input.reason),
  });
}

export function resumeRelease(input: StatusChange): Promise<ReleaseDto> {
  return mutateRelease({
    id: input.id,
    actor: input.actor,
    expectedRevision: input.revision,
    decide: ({ release }) => resume(release, input.actor, input.reason ?? null),
  });
}

export function cancelRelease(input: StatusChange & { reason: string }): Promise<ReleaseDto> {
  return mutateRelease({
    id: input.id,
    actor: input.actor,
    expectedRevision: input.revision,
    decide: ({ release }) => cancel(release, input.actor, input.reason),
  });
}

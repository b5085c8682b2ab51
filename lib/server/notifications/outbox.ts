import "server-only";

// The outbox: notable changes are written as events in the same transaction as the change, so
// none is lost when the app stops and none is announced for a change that rolled back. The worker
// (worker.ts) fans them out into deliveries.
import { eventOfAudit, type OutboxEventName } from "@/lib/domain/notifications";
import type { AuditDraft } from "@/lib/domain/signoff";
import type { StageKey } from "@/lib/domain/stages";
import type { DbTransaction } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";

export type OutboxDraft = {
  event: OutboxEventName;
  releaseId?: string | null;
  stageKey?: StageKey | null;
  actorId?: string | null;
  data?: Record<string, unknown>;
};

export async function writeOutboxEvents(tx: DbTransaction, drafts: OutboxDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.outboxEvent.createMany({
    data: drafts.map((draft) => ({
      event: draft.event,
      releaseId: draft.releaseId ?? null,
      stageKey: draft.stageKey ?? null,
      actorId: draft.actorId ?? null,
      data: toJsonInput(draft.data ?? {}) ?? {},
    })),
  });
}

/** The events a release's audited changes announce (stage opened, signed off, rejected, …). */
export function outboxDraftsOfAudit(
  releaseId: string,
  actorId: string,
  events: readonly AuditDraft[],
): OutboxDraft[] {
  return events.flatMap((event) => {
    const name = eventOfAudit(event.action);
    if (!name) return [];
    return [
      {
        event: name,
        releaseId,
        stageKey: event.stageKey ?? null,
        actorId,
        data: {
          ...(event.comment && { comment: event.comment }),
          ...(event.after && { change: event.after }),
        },
      },
    ];
  });
}

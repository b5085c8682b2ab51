import "server-only";

import { getDb } from "@/lib/server/db/client";
import type { AuditEventDto } from "@/lib/types/release";

import { notFound } from "./mutate-release";

/** A release's audit trail, oldest first. */
export async function listAudit(releaseId: string): Promise<AuditEventDto[]> {
  const db = getDb();
  const release = await db.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw notFound();
  const events = await db.auditEvent.findMany({
    where: { releaseId },
    orderBy: { id: "asc" },
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  return events.map((event) => ({
    id: event.id.toString(),
    action: event.action,
    actor: event.actor,
    stageKey: event.stageKey,
    comment: event.comment,
    before: event.before,
    after: event.after,
    at: event.createdAt.toISOString(),
  }));
}

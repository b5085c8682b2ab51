import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { ExceptionDto } from "@/lib/types/windows";

export const exceptionSelect = {
  id: true,
  environment: true,
  startsAt: true,
  endsAt: true,
  reason: true,
  state: true,
  decidedAt: true,
  decisionComment: true,
  createdAt: true,
  release: { select: { id: true, name: true, version: true } },
  requestedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.GateExceptionSelect;

export type ExceptionRow = Prisma.GateExceptionGetPayload<{ select: typeof exceptionSelect }>;

export function toExceptionDto(row: ExceptionRow): ExceptionDto {
  return {
    id: row.id,
    release: row.release,
    environment: row.environment,
    from: row.startsAt.toISOString(),
    to: row.endsAt.toISOString(),
    reason: row.reason,
    state: row.state,
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    comment: row.decisionComment,
    createdAt: row.createdAt.toISOString(),
  };
}

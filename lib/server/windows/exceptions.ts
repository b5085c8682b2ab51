import "server-only";

// Exceptions to the deployment windows: a release manager asks to open the gate for one release,
// one environment and at most 72 hours, for a reason; an administrator or another release manager
// approves or refuses (never the one who asked); the worker ends them when their time is up. Each
// step is audited on the release and announced through the outbox (webhooks, emails) in the
// transaction that makes it.
import type { StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { writeOutboxEvents } from "@/lib/server/notifications/outbox";
import { MUTATION_TIMEOUTS, writeAuditEvents } from "@/lib/server/releases/mutate-release";
import type { SessionUser } from "@/lib/types/user";
import type { ExceptionDto, ExceptionState } from "@/lib/types/windows";
import { type ExceptionInput, MAX_EXCEPTION_HOURS } from "@/lib/validation/windows";

import { exceptionSelect, type ExceptionRow, toExceptionDto } from "./exception-dto";

const HOUR_MS = 3_600_000;

function notFound(): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", "There is no exception with this id.");
}

/** What the audit and the outbox carry of an exception (read by emails and webhook receivers). */
function shapeOf(row: ExceptionRow) {
  return {
    exceptionId: row.id,
    environment: row.environment,
    from: row.startsAt.toISOString(),
    to: row.endsAt.toISOString(),
    reason: row.reason,
    requestedById: row.requestedBy.id,
    requestedBy: row.requestedBy.name,
  };
}

export async function requestException(
  actor: SessionUser,
  releaseId: string,
  input: ExceptionInput,
  now = new Date(),
): Promise<ExceptionDto> {
  assertCan(actor.role, "exceptions.request");
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to.getTime() <= now.getTime()) {
    throw new AppError("UNPROCESSABLE", "END_IN_PAST", "The exception would end before now.", {
      field: "to",
    });
  }
  if (to.getTime() - from.getTime() > MAX_EXCEPTION_HOURS * HOUR_MS) {
    throw new AppError(
      "UNPROCESSABLE",
      "EXCEPTION_TOO_LONG",
      `An exception lasts at most ${MAX_EXCEPTION_HOURS} hours: ask for the time the fix needs.`,
      { field: "to", maxHours: MAX_EXCEPTION_HOURS },
    );
  }
  return getDb().$transaction(async (tx) => {
    const release = await tx.release.findUnique({
      where: { id: releaseId },
      select: { id: true, status: true, name: true },
    });
    if (!release) {
      throw new AppError("NOT_FOUND", "RELEASE_NOT_FOUND", "There is no release with this id.");
    }
    if (release.status === "CANCELLED") {
      throw new AppError(
        "CONFLICT",
        "RELEASE_CLOSED",
        `${release.name} is cancelled: it is not deployed anywhere any more.`,
      );
    }
    const row = await tx.gateException.create({
      data: {
        releaseId,
        environment: input.environment,
        startsAt: from,
        endsAt: to,
        reason: input.reason,
        requestedById: actor.id,
      },
      select: exceptionSelect,
    });
    await writeAuditEvents(tx, releaseId, actor.id, [
      {
        action: "EXCEPTION_REQUESTED",
        stageKey: input.environment,
        comment: input.reason,
        after: shapeOf(row),
      },
    ]);
    return toExceptionDto(row);
  }, MUTATION_TIMEOUTS);
}

/** Approves or refuses an exception someone else asked for, once. */
export async function decideException(
  actor: SessionUser,
  id: string,
  decision: "APPROVED" | "REFUSED",
  comment: string | undefined,
  now = new Date(),
): Promise<ExceptionDto> {
  assertCan(actor.role, "exceptions.decide");
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM gate_exceptions WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const current = await tx.gateException.findUniqueOrThrow({
      where: { id },
      select: exceptionSelect,
    });
    if (current.requestedBy.id === actor.id) {
      throw new AppError(
        "FORBIDDEN",
        "FOUR_EYES",
        "You asked for this exception: an administrator or another release manager decides it.",
      );
    }
    if (current.state !== "REQUESTED") {
      throw new AppError(
        "CONFLICT",
        "ALREADY_DECIDED",
        `This exception is ${current.state.toLowerCase()} already.`,
        { state: current.state },
      );
    }
    if (decision === "APPROVED" && current.endsAt.getTime() <= now.getTime()) {
      throw new AppError(
        "UNPROCESSABLE",
        "END_IN_PAST",
        "This exception's time is over: ask for a new one.",
      );
    }
    const row = await tx.gateException.update({
      where: { id },
      data: {
        state: decision,
        decidedById: actor.id,
        decidedAt: now,
        decisionComment: comment || null,
      },
      select: exceptionSelect,
    });
    await writeAuditEvents(tx, row.release.id, actor.id, [
      {
        action: decision === "APPROVED" ? "EXCEPTION_APPROVED" : "EXCEPTION_REFUSED",
        stageKey: row.environment,
        comment: comment || null,
        after: shapeOf(row),
      },
    ]);
    return toExceptionDto(row);
  }, MUTATION_TIMEOUTS);
}

/** Exceptions, newest first: all, or those in one state; or those of one release. */
export async function listExceptions(filter: {
  state?: ExceptionState;
  releaseId?: string;
  limit?: number;
}): Promise<ExceptionDto[]> {
  const rows = await getDb().gateException.findMany({
    where: {
      ...(filter.state && { state: filter.state }),
      ...(filter.releaseId && { releaseId: filter.releaseId }),
    },
    select: exceptionSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit ?? 200,
  });
  return rows.map(toExceptionDto);
}

/** Approved and still running, or asked for: the exceptions the calendar shows. */
export async function exceptionsBetween(
  environment: StageKey | null,
  from: Date,
  to: Date,
): Promise<ExceptionDto[]> {
  const rows = await getDb().gateException.findMany({
    where: {
      ...(environment && { environment }),
      state: { in: ["APPROVED", "REQUESTED"] },
      startsAt: { lt: to },
      endsAt: { gt: from },
    },
    select: exceptionSelect,
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  return rows.map(toExceptionDto);
}

/**
 * Ends the exceptions whose time is over (approved ones, and asked ones nobody decided): each is
 * audited and announced once, by whichever instance claims it (SKIP LOCKED).
 */
export async function expireExceptions(now = new Date()): Promise<number> {
  return getDb().$transaction(async (tx: DbTransaction) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM gate_exceptions
       WHERE state IN ('APPROVED', 'REQUESTED') AND ends_at <= ${now}
       ORDER BY ends_at LIMIT 100 FOR UPDATE SKIP LOCKED`;
    for (const { id } of due) {
      const row = await tx.gateException.update({
        where: { id },
        data: { state: "EXPIRED" },
        select: exceptionSelect,
      });
      await tx.auditEvent.create({
        data: {
          action: "EXCEPTION_EXPIRED",
          releaseId: row.release.id,
          stageKey: row.environment,
          after: toJsonInput(shapeOf(row)),
        },
      });
      await writeOutboxEvents(tx, [
        {
          event: "exception.expired",
          releaseId: row.release.id,
          stageKey: row.environment,
          data: { change: shapeOf(row) },
        },
      ]);
    }
    return due.length;
  }, MUTATION_TIMEOUTS);
}

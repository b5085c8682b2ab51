// The one way a release changes: in a transaction that first locks the release row (so that
// concurrent sign-offs queue up and each sees the outcome of the one before), checks the revision
// the client saw, asks the pure rules for the outcome, and writes it with its audit events.
import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { type IsoDate, isoToDate } from "@/lib/domain/dates";
import type { PlanningSettings } from "@/lib/domain/settings";
import type { AuditDraft, Outcome, ReleaseState, StageChange } from "@/lib/domain/signoff";
import type { StageKey } from "@/lib/domain/stages";
import type { WorkingDayCalendar } from "@/lib/domain/working-days";
import { AppError } from "@/lib/errors";
import { assertCan, type Permission } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { queuePromotionsAfterSignOff } from "@/lib/server/gitops/promotions";
import { publishNotesAtGoLive } from "@/lib/server/notes/release-notes";
import { tellMovedGoLives } from "@/lib/server/notes/watches";
import { outboxDraftsOfAudit, writeOutboxEvents } from "@/lib/server/notifications/outbox";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { releaseContext } from "./release-context";
import { releaseSelect, type ReleaseRow, toReleaseDto } from "./release-dto";
import { toReleaseState } from "./release-state";

export type MutationContext = {
  tx: DbTransaction;
  row: ReleaseRow;
  release: ReleaseState;
  settings: PlanningSettings;
  calendar: WorkingDayCalendar;
  today: IsoDate;
};

/** What a mutation writes besides the rules' outcome (edits of plain fields, a new baseline). */
export type ReleaseEdit = Outcome & { fields?: Prisma.ReleaseUpdateInput };

export const MUTATION_TIMEOUTS = { maxWait: 20_000, timeout: 20_000 };

export function notFound(): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", "There is no release with this id.");
}

export async function loadRelease(tx: DbTransaction, id: string): Promise<ReleaseRow | null> {
  return tx.release.findUnique({ where: { id }, select: releaseSelect });
}

export async function mutateRelease(options: {
  id: string;
  actor: SessionUser;
  expectedRevision?: number;
  today?: IsoDate;
  decide: (context: MutationContext) => ReleaseEdit | Promise<ReleaseEdit>;
}): Promise<ReleaseDto> {
  const { id, actor, expectedRevision, decide } = options;
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM releases WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const row = (await loadRelease(tx, id))!;
    if (expectedRevision !== undefined && expectedRevision !== row.revision) {
      throw new AppError(
        "CONFLICT",
        "STALE_REVISION",
        "Someone changed this release since you loaded it. Reload to see the current state, then try again.",
        { expected: expectedRevision, current: row.revision },
      );
    }
    const settings = await getPlanningSettings(tx);
    const context: MutationContext = {
      tx,
      row,
      release: toReleaseState(row),
      settings,
      calendar: calendarFor(row.region, settings.periods),
      today: options.today ?? companyToday(settings.companyTimeZone),
    };
    const edit = await decide(context);
    await applyEdit(tx, row, actor, edit);
    const dtoContext = releaseContext(settings, context.today);
    const before = toReleaseDto(row, dtoContext);
    const after = toReleaseDto((await loadRelease(tx, id))!, dtoContext);
    if (after.forecastGoLive !== before.forecastGoLive) {
      // Watchers hear of a go-live that moved past what they tolerate.
      await tellMovedGoLives(
        tx,
        [
          {
            releaseId: id,
            productId: row.productId,
            region: row.region,
            status: after.status,
            goLive: after.forecastGoLive,
            reference: before.forecastGoLive,
          },
        ],
        settings,
      );
    }
    return after;
  }, MUTATION_TIMEOUTS);
}

function stageData(change: StageChange): Prisma.StageWindowUpdateInput {
  const data: Prisma.StageWindowUpdateInput = {};
  if (change.status) data.status = change.status;
  if (change.plannedStart) data.plannedStart = isoToDate(change.plannedStart);
  if (change.plannedEnd) data.plannedEnd = isoToDate(change.plannedEnd);
  if (change.actualStart !== undefined)
    data.actualStart = change.actualStart ? isoToDate(change.actualStart) : null;
  if (change.actualEnd !== undefined)
    data.actualEnd = change.actualEnd ? isoToDate(change.actualEnd) : null;
  if (change.approvalRound) data.approvalRound = change.approvalRound;
  if (change.workingDays) data.workingDays = change.workingDays;
  if (change.approvalsRequired) data.approvalsRequired = change.approvalsRequired;
  return data;
}

/** Several changes of one stage become one update (later ones win). */
function mergeStageChanges(changes: StageChange[]): Map<StageKey, Prisma.StageWindowUpdateInput> {
  const merged = new Map<StageKey, Prisma.StageWindowUpdateInput>();
  for (const change of changes)
    merged.set(change.key, { ...merged.get(change.key), ...stageData(change) });
  return merged;
}

export async function writeAuditEvents(
  tx: DbTransaction,
  releaseId: string,
  actorId: string,
  drafts: AuditDraft[],
): Promise<void> {
  if (drafts.length === 0) return;
  // What the audit records, the outbox announces (webhooks, emails), in the same transaction;
  // a stage signed off queues the promotion of the release to the environment it opens; a
  // go-live publishes the draft notes.
  const events = [...drafts, ...(await publishNotesAtGoLive(tx, releaseId, drafts))];
  await writeOutboxEvents(tx, outboxDraftsOfAudit(releaseId, actorId, events));
  await queuePromotionsAfterSignOff(tx, releaseId, events);
  await tx.auditEvent.createMany({
    data: events.map((event) => ({
      action: event.action,
      actorId,
      releaseId,
      stageKey: event.stageKey ?? null,
      comment: event.comment ?? null,
      before: toJsonInput(event.before),
      after: toJsonInput(event.after),
    })),
  });
}

async function applyEdit(
  tx: DbTransaction,
  row: ReleaseRow,
  actor: SessionUser,
  edit: ReleaseEdit,
): Promise<void> {
  const stageIds = new Map(row.stages.map((stage) => [stage.key, stage.id]));
  for (const [key, data] of mergeStageChanges(edit.stageChanges)) {
    await tx.stageWindow.update({ where: { id: stageIds.get(key)! }, data });
  }
  if (edit.approval) {
    try {
      await tx.approval.create({
        data: {
          stageWindowId: stageIds.get(edit.approval.stageKey)!,
          round: edit.approval.round,
          userId: actor.id,
          onBehalfOfId: edit.approval.onBehalfOfId,
          decision: edit.approval.decision,
          comment: edit.approval.comment,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError(
          "CONFLICT",
          "ALREADY_DECIDED",
          "You have already decided on this stage in this round.",
        );
      }
      throw error;
    }
  }
  await tx.release.update({
    where: { id: row.id },
    data: {
      ...edit.fields,
      ...(edit.releaseStatus && { status: edit.releaseStatus }),
      ...(edit.statusReason !== undefined && { statusReason: edit.statusReason }),
      revision: { increment: 1 },
    },
  });
  await writeAuditEvents(tx, row.id, actor.id, edit.events);
}

/** A release change that needs a permission: checked first, then `mutateRelease`. */
export function changeRelease(
  permission: Permission,
  actor: SessionUser,
  id: string,
  decide: (context: MutationContext) => ReleaseEdit | Promise<ReleaseEdit>,
  options: { today?: IsoDate; expectedRevision?: number } = {},
): Promise<ReleaseDto> {
  assertCan(actor.role, permission);
  return mutateRelease({ id, actor, decide, ...options });
}

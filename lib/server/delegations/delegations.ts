import "server-only";

// Delegations: a person on leave names a deputy for a date range; lists and early ends. The rules
// are lib/domain/delegation.ts; here they meet the database, under a lock on the delegator's row
// so that two overlapping delegations cannot both be written.
import type { Prisma } from "@/generated/prisma/client";
import { daysBetween, dateToIso, type IsoDate, isoToDate } from "@/lib/domain/dates";
import {
  delegatorsOf,
  delegationProblem,
  type DelegationState,
  isCurrentOrUpcoming,
  isRunning,
} from "@/lib/domain/delegation";
import type { Principal } from "@/lib/domain/signoff";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { DelegationDto } from "@/lib/types/delegation";
import type { SessionUser } from "@/lib/types/user";
import type { DelegationCreateInput } from "@/lib/validation/delegations";

const person = { select: { id: true, name: true, email: true, role: true, isActive: true } };

/** What the delegation rules read of a delegation (lib/domain/delegation.ts). */
const delegationStateSelect = {
  id: true,
  delegatorId: true,
  deputyId: true,
  startDate: true,
  endDate: true,
  endedAt: true,
} satisfies Prisma.DelegationSelect;

const delegationSelect = {
  ...delegationStateSelect,
  createdAt: true,
  delegator: person,
  deputy: person,
} satisfies Prisma.DelegationSelect;

type DelegationRow = Prisma.DelegationGetPayload<{ select: typeof delegationSelect }>;

function toState(row: Omit<DelegationRow, "delegator" | "deputy" | "createdAt">): DelegationState {
  return {
    id: row.id,
    delegatorId: row.delegatorId,
    deputyId: row.deputyId,
    from: dateToIso(row.startDate),
    to: dateToIso(row.endDate),
    ended: row.endedAt !== null,
  };
}

function toDto(row: DelegationRow, today: IsoDate): DelegationDto {
  const state = toState(row);
  const strip = ({ isActive: _active, role: _role, ...rest }: DelegationRow["deputy"]) => rest;
  return {
    id: row.id,
    delegator: strip(row.delegator),
    deputy: strip(row.deputy),
    from: state.from,
    to: state.to,
    endedAt: row.endedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    isRunning: isRunning(state, today),
  };
}

async function today(): Promise<IsoDate> {
  return companyToday((await getPlanningSettings()).companyTimeZone);
}

/**
 * The user's delegations that still matter (running or upcoming, not ended): those they gave and
 * those that name them as deputy, soonest first.
 */
export async function listMyDelegations(
  user: SessionUser,
): Promise<{ today: IsoDate; given: DelegationDto[]; received: DelegationDto[] }> {
  const day = await today();
  const rows = await getDb().delegation.findMany({
    where: {
      OR: [{ delegatorId: user.id }, { deputyId: user.id }],
      endedAt: null,
      endDate: { gte: isoToDate(day) },
    },
    orderBy: [{ startDate: "asc" }, { createdAt: "asc" }],
    select: delegationSelect,
  });
  const dtos = rows
    .filter((row) => isCurrentOrUpcoming(toState(row), day))
    .map((row) => toDto(row, day));
  return {
    today: day,
    given: dtos.filter((dto) => dto.delegator.id === user.id),
    received: dtos.filter((dto) => dto.deputy.id === user.id),
  };
}

export async function createDelegation(
  user: SessionUser,
  input: DelegationCreateInput,
  options: { today?: IsoDate } = {},
): Promise<DelegationDto> {
  assertCan(user.role, "account.delegate");
  const day = options.today ?? (await today());
  return getDb().$transaction(async (tx) => {
    // Serialises delegations of one person, so two overlapping ones cannot both pass the check.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const deputy = await tx.user.findUnique({
      where: { id: input.deputyId },
      select: { id: true, name: true, role: true, isActive: true },
    });
    if (!deputy) {
      throw new AppError("UNPROCESSABLE", "UNKNOWN_USER", "There is no user with this id.");
    }
    const existing = await tx.delegation.findMany({
      where: { delegatorId: user.id, endedAt: null, endDate: { gte: isoToDate(input.from) } },
      select: delegationStateSelect,
    });
    const problem = delegationProblem({
      delegator: user,
      deputy,
      from: input.from,
      to: input.to,
      days: daysBetween(input.from, input.to) + 1,
      existing: existing.map(toState),
      today: day,
    });
    if (problem) throw problem;
    const created = await tx.delegation.create({
      data: {
        delegatorId: user.id,
        deputyId: deputy.id,
        startDate: isoToDate(input.from),
        endDate: isoToDate(input.to),
      },
      select: delegationSelect,
    });
    await audit(tx, "DELEGATION_CREATED", user, created);
    return toDto(created, day);
  });
}

/** Ends a delegation early (from now on it no longer counts). Its delegator or an admin may. */
export async function endDelegation(user: SessionUser, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.delegation.findUnique({ where: { id }, select: delegationSelect });
    const mayEnd = row && (row.delegatorId === user.id || user.role === "ADMIN");
    if (!row || !mayEnd || row.endedAt) {
      throw new AppError(
        "NOT_FOUND",
        "NOT_FOUND",
        "There is no running delegation of yours with this id.",
      );
    }
    const ended = await tx.delegation.update({
      where: { id },
      data: { endedAt: new Date() },
      select: delegationSelect,
    });
    await audit(tx, "DELEGATION_ENDED", user, ended);
  });
}

async function audit(
  tx: DbTransaction,
  action: "DELEGATION_CREATED" | "DELEGATION_ENDED",
  actor: SessionUser,
  row: DelegationRow,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action,
      actorId: actor.id,
      subjectUserId: row.delegatorId,
      after: {
        delegator: { id: row.delegator.id, name: row.delegator.name },
        deputy: { id: row.deputy.id, name: row.deputy.name },
        from: dateToIso(row.startDate),
        to: dateToIso(row.endDate),
      },
    },
  });
}

/**
 * The active people `deputyId` stands in for on `day` (running delegations naming them; never a
 * deputy's deputy), with the role each would sign with.
 */
export async function delegatorsFor(
  deputyId: string,
  day: IsoDate,
  db: DbTransaction = getDb(),
): Promise<Principal[]> {
  const date = isoToDate(day);
  const rows = await db.delegation.findMany({
    where: {
      deputyId,
      endedAt: null,
      startDate: { lte: date },
      endDate: { gte: date },
      delegator: { isActive: true },
    },
    select: delegationSelect,
  });
  const ids = new Set(delegatorsOf(rows.map(toState), deputyId, day));
  const principals = new Map<string, Principal>();
  for (const row of rows) {
    if (!ids.has(row.delegatorId)) continue;
    const { id, role, name } = row.delegator;
    principals.set(id, { id, role, name });
  }
  return [...principals.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Who is away today and who stands in, for the people listed (to show beside named approvers). */
export async function deputiesToday(
  personIds: readonly string[],
  day: IsoDate,
): Promise<Map<string, { id: string; name: string; until: IsoDate }>> {
  if (personIds.length === 0) return new Map();
  const date = isoToDate(day);
  const rows = await getDb().delegation.findMany({
    where: {
      delegatorId: { in: [...personIds] },
      endedAt: null,
      startDate: { lte: date },
      endDate: { gte: date },
    },
    select: delegationSelect,
  });
  return new Map(
    rows.map((row) => [
      row.delegatorId,
      { id: row.deputy.id, name: row.deputy.name, until: dateToIso(row.endDate) },
    ]),
  );
}

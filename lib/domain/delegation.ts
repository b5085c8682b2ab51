// Delegation: someone going on leave names a deputy for a date range. While it runs (company
// "today" inside the range, both days included, not ended early) the deputy may decide wherever
// the absent person may. Rules about the delegation itself live here; how a deputy's decision is
// checked (one human one slot, four eyes on both, no chains) lives in signoff.ts.
import { AppError, type ErrorCode } from "../errors";
import { can } from "../permissions";

import type { IsoDate } from "./dates";
import type { Role } from "./stages";

export type DelegationRange = { from: IsoDate; to: IsoDate };

export type DelegationState = DelegationRange & {
  id: string;
  delegatorId: string;
  deputyId: string;
  /** Ended early: it no longer counts from then on. */
  ended: boolean;
};

/** The longest range one delegation may cover; a longer absence is a role change, not a leave. */
export const MAX_DELEGATION_DAYS = 366;

/** Whether a delegation lets its deputy act on `today`. */
export function isRunning(delegation: DelegationState, today: IsoDate): boolean {
  return !delegation.ended && delegation.from <= today && today <= delegation.to;
}

/** Whether it still matters: running now or starting later, and not ended. */
export function isCurrentOrUpcoming(delegation: DelegationState, today: IsoDate): boolean {
  return !delegation.ended && delegation.to >= today;
}

/** The people `deputyId` stands in for today (each one once, directly: never a deputy's deputy). */
export function delegatorsOf(
  delegations: readonly DelegationState[],
  deputyId: string,
  today: IsoDate,
): string[] {
  const ids = delegations
    .filter((delegation) => delegation.deputyId === deputyId && isRunning(delegation, today))
    .map((delegation) => delegation.delegatorId);
  return [...new Set(ids)];
}

function overlaps(a: DelegationRange, b: DelegationRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function unprocessable(code: ErrorCode, message: string, details?: unknown): AppError {
  return new AppError("UNPROCESSABLE", code, message, details);
}

export type NewDelegation = DelegationRange & {
  delegator: { id: string; role: Role };
  deputy: { id: string; role: Role; isActive: boolean; name: string };
  /** The delegator's delegations as stored (ended ones included). */
  existing: readonly DelegationState[];
  today: IsoDate;
  /** Days from `from` to `to`, both counted. */
  days: number;
};

/** Why this delegation cannot be made, or undefined. */
export function delegationProblem(input: NewDelegation): AppError | undefined {
  const { delegator, deputy, from, to, existing, today } = input;
  if (!can(delegator.role, "stages.decide") || delegator.role === "VIEWER") {
    return new AppError("FORBIDDEN", "FORBIDDEN", "Only people who sign off stages name a deputy.");
  }
  if (deputy.id === delegator.id) {
    return unprocessable("DEPUTY_IS_SELF", "Name someone else as your deputy.");
  }
  if (!deputy.isActive) {
    return unprocessable(
      "DEPUTY_NOT_ACTIVE",
      `${deputy.name} is deactivated and cannot stand in for you.`,
    );
  }
  if (deputy.role === "VIEWER") {
    return unprocessable(
      "ROLE_NOT_ALLOWED",
      `${deputy.name} is a viewer; a deputy must be someone who signs off stages (QA, release manager or admin).`,
    );
  }
  if (to < from) {
    return unprocessable("END_BEFORE_START", "The last day of the absence is before its first.");
  }
  if (to < today) {
    return unprocessable("END_IN_PAST", `The absence would be over already (today is ${today}).`);
  }
  if (input.days > MAX_DELEGATION_DAYS) {
    return unprocessable(
      "DATE_OUT_OF_RANGE",
      `A delegation covers at most ${MAX_DELEGATION_DAYS} days.`,
    );
  }
  const clash = existing.find(
    (delegation) => !delegation.ended && overlaps(delegation, { from, to }),
  );
  if (clash) {
    return unprocessable(
      "DELEGATION_OVERLAP",
      `You already have a deputy from ${clash.from} to ${clash.to}; end that delegation or choose other days.`,
      { delegationId: clash.id, from: clash.from, to: clash.to },
    );
  }
  return undefined;
}

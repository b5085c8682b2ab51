// The sign-off rules as a pure state machine. Each command takes the release as it is (read under a
// row lock), the actor and today, and either throws an AppError (the rule it breaks) or returns
// the changes to write and the audit events to record with them. The server applies both in one
// transaction; nothing here touches a database.
import { AppError, type ErrorCode } from "../errors";
import { can } from "../permissions";

import { type IsoDate } from "./dates";
import { replanRemaining } from "./planner";
import type { StageDates } from "./release";
import { commandBlocker, type ReleaseCommand } from "./release-commands";
import { isOpen } from "./release-status";
import {
  APPROVER_ROLES,
  currentStageOf,
  ROLE_NAMES,
  type ReleaseStatus,
  type Role,
  STAGE_KEYS,
  STAGE_NAMES,
  type StageKey,
  type StageRule,
  type StageStatus,
} from "./stages";
import type { WorkingDayCalendar } from "./working-days";

export type Decision = "APPROVE" | "REJECT";

/** A decision in a stage round: who decided and, for a deputy, the absent person they stood in for. */
export type ApprovalState = {
  userId: string;
  onBehalfOfId: string | null;
  decision: Decision;
  round: number;
};

/** A stage window with its approvals, as the rules see it. */
export type StageState = StageDates & {
  approvalsRequired: number;
  approvalRound: number;
  approvals: ApprovalState[];
  /** The product's named approvers of this stage; empty = anyone holding an allowed role. */
  approverIds: readonly string[];
};

export type ReleaseState = {
  status: ReleaseStatus;
  createdById: string;
  stages: StageState[];
};

export type Actor = { id: string; role: Role };

/** An absent person whose running delegation names the actor as deputy. */
export type Principal = Actor & { name: string };

export type StageChange = {
  key: StageKey;
  status?: StageStatus;
  plannedStart?: IsoDate;
  plannedEnd?: IsoDate;
  actualStart?: IsoDate | null;
  actualEnd?: IsoDate | null;
  approvalRound?: number;
  workingDays?: number;
  approvalsRequired?: number;
};

export type AuditAction =
  | "RELEASE_CREATED"
  | "RELEASE_UPDATED"
  | "STAGE_APPROVED"
  | "STAGE_REJECTED"
  | "STAGE_REOPENED"
  | "STAGE_SIGNED_OFF"
  | "STAGE_STARTED"
  | "RELEASE_REPLANNED"
  | "RELEASE_LIVE"
  | "RELEASE_HELD"
  | "RELEASE_RESUMED"
  | "RELEASE_CANCELLED"
  | "RELEASE_OUTCOME"
  | "ROLLOUT_PLANNED"
  | "ROLLOUT_STEP_DONE"
  | "DEPLOYMENT_RECORDED"
  | "EXCEPTION_REQUESTED"
  | "EXCEPTION_APPROVED"
  | "EXCEPTION_REFUSED"
  | "EXCEPTION_EXPIRED"
  | "PROMOTION_REQUESTED"
  | "PROMOTION_PUSHED"
  | "PROMOTION_FAILED"
  | "RELEASE_NOTES_UPDATED"
  | "RELEASE_NOTES_PUBLISHED";

export type AuditDraft = {
  action: AuditAction;
  stageKey?: StageKey;
  comment?: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

export type Outcome = {
  releaseStatus?: ReleaseStatus;
  statusReason?: string | null;
  stageChanges: StageChange[];
  approval?: {
    stageKey: StageKey;
    round: number;
    decision: Decision;
    comment: string | null;
    onBehalfOfId: string | null;
  };
  events: AuditDraft[];
};

/** Stages whose approvers may not include the release's creator (four eyes). */
export const FOUR_EYES_STAGES: readonly StageKey[] = ["PREPROD", "PROD"];

function conflict(code: ErrorCode, message: string, details?: unknown): AppError {
  return new AppError("CONFLICT", code, message, details);
}

function forbidden(code: ErrorCode, message: string): AppError {
  return new AppError("FORBIDDEN", code, message);
}

function describeRoles(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_NAMES[role]).join(" or ");
}

function stageOf(release: ReleaseState, key: StageKey): StageState {
  const stage = release.stages.find((s) => s.key === key);
  if (!stage) throw new Error(`Release has no ${key} stage`);
  return stage;
}

type RoundState = {
  approvalRound: number;
  approvals: readonly { decision: Decision; round: number }[];
};

function approvalsInRound<T extends RoundState>(stage: T): T["approvals"] {
  return stage.approvals.filter((approval) => approval.round === stage.approvalRound);
}

/** Approvals still missing in the current round of a stage (none once it is signed off). */
export function approvalsMissing(
  stage: RoundState & { status: StageStatus; approvalsRequired: number },
): number {
  if (stage.status === "SIGNED_OFF") return 0;
  const given = approvalsInRound(stage).filter((a) => a.decision === "APPROVE").length;
  return Math.max(0, stage.approvalsRequired - given);
}

/** Whether the release's creator is kept from approving this stage (four eyes). */
export function isFourEyesStage(key: StageKey): boolean {
  return FOUR_EYES_STAGES.includes(key);
}

/** Everyone who filled a slot in the current round: deciders and the people deputies stood in for. */
function peopleInRound(stage: StageState): Set<string> {
  const people = new Set<string>();
  for (const approval of approvalsInRound(stage)) {
    people.add(approval.userId);
    if (approval.onBehalfOfId) people.add(approval.onBehalfOfId);
  }
  return people;
}

function roleBlocker(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
  rule: StageRule,
  onBehalfOf: Actor | undefined,
): AppError | undefined {
  const principal = onBehalfOf ?? actor;
  const whose = onBehalfOf ? "the role of the person you stand in for" : "your role";
  if (!rule.allowedRoles.includes(principal.role)) {
    return forbidden(
      "NOT_AN_APPROVER",
      `${STAGE_NAMES[key]} is signed off by ${describeRoles(rule.allowedRoles)}; ${whose} is ${ROLE_NAMES[principal.role]}.`,
    );
  }
  const named = stageOf(release, key).approverIds;
  if (named.length > 0 && !named.includes(principal.id)) {
    return forbidden(
      "NOT_AN_APPROVER",
      `${STAGE_NAMES[key]} of this product is signed off by its named approvers only; ${onBehalfOf ? "the person you stand in for is" : "you are"} not one of them.`,
    );
  }
  if (onBehalfOf && !(APPROVER_ROLES as readonly Role[]).includes(actor.role)) {
    return forbidden("NOT_AN_APPROVER", "A viewer cannot stand in for an approver.");
  }
  if (isFourEyesStage(key) && [actor.id, principal.id].includes(release.createdById)) {
    return forbidden(
      "FOUR_EYES",
      onBehalfOf && principal.id === release.createdById
        ? `Four eyes: the person you stand in for created this release and may not approve its ${STAGE_NAMES[key]} stage.`
        : `Four eyes: the person who created a release may not approve its ${STAGE_NAMES[key]} stage.`,
    );
  }
  return undefined;
}

/**
 * Why `actor` may not decide on `key` now, or undefined if they may. With `onBehalfOf`, the actor
 * is a deputy deciding for that absent person: the stage rule and the named approvers apply to the
 * absent person, four eyes and "one human, one slot per round" to both. Shared by the checks and
 * the UI.
 */
export function decisionBlocker(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
  rule: StageRule,
  onBehalfOf?: Actor,
): AppError | undefined {
  const refused = roleBlocker(release, key, actor, rule, onBehalfOf);
  if (refused) return refused;
  if (!isOpen(release.status)) {
    const reasons: Partial<Record<ReleaseStatus, string>> = {
      ON_HOLD: "is on hold; resume it first",
      CANCELLED: "was cancelled",
      LIVE: "is live already",
    };
    return conflict("RELEASE_NOT_OPEN", `The release ${reasons[release.status]}.`, {
      status: release.status,
    });
  }
  const current = currentStageOf(release.stages);
  if (!current || current.key !== key) {
    return conflict(
      "STAGE_NOT_CURRENT",
      current
        ? `${STAGE_NAMES[key]} is not the current stage; ${STAGE_NAMES[current.key]} is.`
        : `Every stage is signed off already.`,
      { currentStage: current?.key ?? null },
    );
  }
  if (current.status === "REJECTED") {
    return conflict(
      "STAGE_REJECTED",
      `${STAGE_NAMES[key]} was rejected; a release manager must reopen it first.`,
    );
  }
  const filled = peopleInRound(current);
  if (filled.has(actor.id)) {
    return conflict(
      "ALREADY_DECIDED",
      `You have already decided on ${STAGE_NAMES[key]} in this round (one person, one approval).`,
    );
  }
  if (onBehalfOf && filled.has(onBehalfOf.id)) {
    return conflict(
      "ALREADY_DECIDED",
      `The person you stand in for already has a decision on ${STAGE_NAMES[key]} in this round.`,
    );
  }
  return undefined;
}

/**
 * In whose name `actor` decides on `key`: their own when they may, else the first absent person
 * they stand in for who may (or the one asked for). Throws the rule that stops them.
 */
export function decidingCapacity(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
  rule: StageRule,
  delegators: readonly Principal[],
  askedFor?: string,
): { onBehalfOf: Principal | null } {
  if (askedFor !== undefined && askedFor !== actor.id) {
    const principal = delegators.find((person) => person.id === askedFor);
    if (!principal) {
      throw forbidden(
        "NOT_A_DEPUTY",
        "You do not stand in for this person today: their delegation to you is not running.",
      );
    }
    const blocker = decisionBlocker(release, key, actor, rule, principal);
    if (blocker) throw blocker;
    return { onBehalfOf: principal };
  }
  const own = decisionBlocker(release, key, actor, rule);
  if (!own || askedFor === actor.id) {
    if (own) throw own;
    return { onBehalfOf: null };
  }
  const principal = delegators.find(
    (person) => !decisionBlocker(release, key, actor, rule, person),
  );
  if (principal) return { onBehalfOf: principal };
  throw own;
}

/** Whether `actor` may approve or reject stage `key` of the release now. */
export function mayDecide(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
  rule: StageRule,
): boolean {
  return decisionBlocker(release, key, actor, rule) === undefined;
}

/** The stage is opened by its first decision if nobody opened it yet (DEV of a planned release). */
function openIfNeeded(
  release: ReleaseState,
  stage: StageState,
  today: IsoDate,
  outcome: Outcome,
): void {
  if (stage.status !== "PENDING") return;
  const actualStart =
    stage.actualStart ?? (stage.plannedStart <= today ? stage.plannedStart : today);
  outcome.stageChanges.push({ key: stage.key, status: "ACTIVE", actualStart });
  outcome.events.push({ action: "STAGE_STARTED", stageKey: stage.key, after: { actualStart } });
  if (release.status === "PLANNED") outcome.releaseStatus = "IN_PROGRESS";
}

export type DecideInput = {
  release: ReleaseState;
  key: StageKey;
  actor: Actor;
  decision: Decision;
  comment: string | null;
  rule: StageRule;
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** The absent people the actor stands in for today (running delegations to them). */
  delegators?: readonly Principal[];
  /** Decide for this absent person (or, with one's own id, in one's own name). */
  onBehalfOfId?: string;
};

/** An approval or a rejection of the current stage, in one's own name or as a deputy. */
export function decide(input: DecideInput): Outcome {
  const { release, key, actor, decision, comment, rule, today, calendar } = input;
  const { onBehalfOf } = decidingCapacity(
    release,
    key,
    actor,
    rule,
    input.delegators ?? [],
    input.onBehalfOfId,
  );
  if (decision === "REJECT" && !comment?.trim()) {
    throw new AppError(
      "BAD_REQUEST",
      "COMMENT_REQUIRED",
      "Say why the stage is rejected: a comment is required.",
    );
  }
  const stage = stageOf(release, key);
  const outcome: Outcome = {
    stageChanges: [],
    approval: {
      stageKey: key,
      round: stage.approvalRound,
      decision,
      comment,
      onBehalfOfId: onBehalfOf?.id ?? null,
    },
    events: [],
  };
  openIfNeeded(release, stage, today, outcome);
  // The audit says "deputy for …": the absent person's id and name travel with the decision.
  const deputyFor = onBehalfOf && { onBehalfOf: { id: onBehalfOf.id, name: onBehalfOf.name } };

  if (decision === "REJECT") {
    outcome.stageChanges.push({ key, status: "REJECTED" });
    outcome.events.push({
      action: "STAGE_REJECTED",
      stageKey: key,
      comment,
      ...(deputyFor && { after: deputyFor }),
    });
    return outcome;
  }

  const approvals = approvalsInRound(stage).filter((a) => a.decision === "APPROVE").length + 1;
  outcome.events.push({
    action: "STAGE_APPROVED",
    stageKey: key,
    comment,
    after: { approvals, approvalsRequired: stage.approvalsRequired, ...deputyFor },
  });
  if (approvals < stage.approvalsRequired) return outcome;

  // Enough approvals: close the stage, open the next, re-plan what is left from today.
  outcome.stageChanges.push({ key, status: "SIGNED_OFF", actualEnd: today });
  outcome.events.push({ action: "STAGE_SIGNED_OFF", stageKey: key, after: { actualEnd: today } });
  const index = STAGE_KEYS.indexOf(key);
  const remaining = release.stages.slice(index + 1);
  if (remaining.length === 0) {
    outcome.releaseStatus = "LIVE";
    outcome.events.push({ action: "RELEASE_LIVE", after: { goLive: today } });
    return outcome;
  }
  const next = remaining[0]!;
  const before = release.stages.at(-1)!.plannedStart;
  const replanned = replanRemaining(today, remaining, calendar);
  replanned.stages.forEach((planned, offset) => {
    const change: StageChange = {
      key: planned.key,
      plannedStart: planned.start,
      plannedEnd: planned.end,
    };
    if (offset === 0) Object.assign(change, { status: "ACTIVE", actualStart: today });
    outcome.stageChanges.push(change);
  });
  outcome.events.push({
    action: "STAGE_STARTED",
    stageKey: next.key,
    after: { actualStart: today },
  });
  const forecast = replanned.stages.at(-1)!.start;
  if (forecast !== before) {
    outcome.events.push({
      action: "RELEASE_REPLANNED",
      before: { forecastGoLive: before },
      after: { forecastGoLive: forecast },
      comment: [
        `Remaining stages re-planned from the ${STAGE_NAMES[key]} sign-off on ${today}.`,
        ...replanned.notes,
      ].join(" "),
    });
  }
  return outcome;
}

/** Why `actor` may not reopen stage `key` now, or undefined if they may. */
export function reopenBlocker(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
): AppError | undefined {
  if (!can(actor.role, "releases.plan")) {
    return forbidden("FORBIDDEN", "Only a release manager reopens a rejected stage.");
  }
  if (!isOpen(release.status)) {
    return conflict(
      "RELEASE_NOT_OPEN",
      "Only a release that is planned or in progress can be worked on.",
      { status: release.status },
    );
  }
  if (stageOf(release, key).status !== "REJECTED") {
    return conflict(
      "STAGE_NOT_REJECTED",
      `${STAGE_NAMES[key]} is not rejected; there is nothing to reopen.`,
    );
  }
  return undefined;
}

/** The rejected stage the actor may reopen now, if any. */
export function reopenableStage(release: ReleaseState, actor: Actor): StageKey | undefined {
  const current = currentStageOf(release.stages);
  return current && !reopenBlocker(release, current.key, actor) ? current.key : undefined;
}

/** A release manager reopens a rejected stage: its approvals start again in a new round. */
export function reopen(
  release: ReleaseState,
  key: StageKey,
  actor: Actor,
  comment: string | null,
): Outcome {
  const blocker = reopenBlocker(release, key, actor);
  if (blocker) throw blocker;
  const stage = stageOf(release, key);
  const round = stage.approvalRound + 1;
  return {
    stageChanges: [{ key, status: "ACTIVE", approvalRound: round }],
    events: [{ action: "STAGE_REOPENED", stageKey: key, comment, after: { approvalRound: round } }],
  };
}

function assertMayRun(actor: Actor, release: ReleaseState, command: ReleaseCommand): void {
  const blocker = commandBlocker(actor, release, command);
  if (blocker) throw blocker;
}

export function hold(release: ReleaseState, actor: Actor, reason: string): Outcome {
  assertMayRun(actor, release, "HOLD");
  return {
    releaseStatus: "ON_HOLD",
    statusReason: reason,
    stageChanges: [],
    events: [{ action: "RELEASE_HELD", comment: reason, before: { status: release.status } }],
  };
}

export function resume(release: ReleaseState, actor: Actor, comment: string | null): Outcome {
  assertMayRun(actor, release, "RESUME");
  const hasStarted = release.stages.some((stage) => stage.actualStart !== null);
  const status: ReleaseStatus = hasStarted ? "IN_PROGRESS" : "PLANNED";
  return {
    releaseStatus: status,
    statusReason: null,
    stageChanges: [],
    events: [{ action: "RELEASE_RESUMED", comment, after: { status } }],
  };
}

export function cancel(release: ReleaseState, actor: Actor, reason: string): Outcome {
  assertMayRun(actor, release, "CANCEL");
  return {
    releaseStatus: "CANCELLED",
    statusReason: reason,
    stageChanges: [],
    events: [{ action: "RELEASE_CANCELLED", comment: reason, before: { status: release.status } }],
  };
}

export type WaitingDecision = { key: StageKey; onBehalfOf: Principal | null };

/**
 * The current stage if it waits for this person's decision, in their own name or for someone they
 * stand in for today; for buttons and the "My approvals" list.
 */
export function waitsFor(
  release: ReleaseState,
  actor: Actor,
  rules: Record<StageKey, StageRule>,
  delegators: readonly Principal[] = [],
): WaitingDecision | undefined {
  const current = currentStageOf(release.stages);
  if (!current) return undefined;
  try {
    const capacity = decidingCapacity(release, current.key, actor, rules[current.key], delegators);
    return { key: current.key, ...capacity };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

/** A release as it is created: every stage pending in its first approval round. */
export function newReleaseState(
  createdById: string,
  stages: readonly { key: StageKey; start: IsoDate; end: IsoDate; workingDays: number }[],
  rules: Record<StageKey, StageRule>,
): ReleaseState {
  return {
    status: "PLANNED",
    createdById,
    stages: stages.map((stage) => ({
      key: stage.key,
      status: "PENDING",
      plannedStart: stage.start,
      plannedEnd: stage.end,
      actualStart: null,
      actualEnd: null,
      workingDays: stage.workingDays,
      approvalsRequired: rules[stage.key].approvalsRequired,
      approvalRound: 1,
      approvals: [],
      approverIds: [],
    })),
  };
}

/**
 * The release after an outcome, as the server writes it (lib/server/releases/mutate-release.ts
 * applies the same changes to the rows). Pure: for the demo portfolio and for tests that play a
 * release's story through the rules.
 */
export function applyOutcome(
  release: ReleaseState,
  outcome: Outcome,
  actorId: string,
): ReleaseState {
  const changes = outcome.stageChanges;
  return {
    ...release,
    status: outcome.releaseStatus ?? release.status,
    stages: release.stages.map((stage) => {
      let next: StageState = { ...stage };
      for (const { key, ...change } of changes) {
        if (key !== stage.key) continue;
        next = {
          ...next,
          ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
        };
      }
      const approval = outcome.approval;
      if (approval?.stageKey === stage.key) {
        next.approvals = [
          ...next.approvals,
          {
            userId: actorId,
            onBehalfOfId: approval.onBehalfOfId,
            decision: approval.decision,
            round: approval.round,
          },
        ];
      }
      return next;
    }),
  };
}

/**
 * What a stage still waits for, in a sentence: who must approve (roles, distinct people, four
 * eyes), or that a rejection blocks it. Undefined once the stage is signed off.
 */
export function describeWhatIsMissing(stage: {
  key: StageKey;
  status: StageStatus;
  approvalsMissing: number;
  approvalsRequired: number;
  allowedRoles: readonly Role[];
  /** The product's named approvers of the stage, if it has any. */
  approvers?: readonly { name: string; isActive?: boolean }[];
}): string | undefined {
  if (stage.status === "SIGNED_OFF") return undefined;
  if (stage.status === "REJECTED")
    return "Blocked by the rejection until a release manager reopens it.";
  const { approvalsMissing: missing } = stage;
  const conditions = [
    stage.approvalsRequired > 1 ? ", different people" : "",
    isFourEyesStage(stage.key) ? ", not the release's creator" : "",
  ].join("");
  const named = stage.approvers?.filter((person) => person.isActive !== false) ?? [];
  const who = stage.approvers?.length
    ? named.length
      ? `${named.map((person) => person.name).join(", ")} (named approvers)`
      : "its named approvers, but none of them is active: an owner of the product must name others"
    : describeRoles(stage.allowedRoles);
  return `Needs ${missing} more ${missing === 1 ? "approval" : "approvals"} from ${who}${conditions}.`;
}

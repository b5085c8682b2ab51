// What a release manager may do with a release in its current status: the checks the state machine
// makes (lib/domain/signoff.ts, replan.ts) and the buttons the UI shows, from one table.
import { AppError, type ErrorCode } from "../errors";
import { can, refusalFor } from "../permissions";

import { isClosed, isOpen } from "./release-status";
import type { ReleaseStatus, Role, StageStatus } from "./stages";

export const RELEASE_COMMANDS = [
  "EDIT",
  "REPLAN",
  "HOLD",
  "RESUME",
  "CANCEL",
  "ADD_PATCH",
] as const;
export type ReleaseCommand = (typeof RELEASE_COMMANDS)[number];

type StatusRule = {
  allows: (status: ReleaseStatus) => boolean;
  code: ErrorCode;
  refusal: string | ((status: ReleaseStatus) => string);
};

const closedWord = (status: ReleaseStatus) => (status === "LIVE" ? "live" : "cancelled");

const STATUS_RULES: Record<ReleaseCommand, StatusRule> = {
  EDIT: {
    allows: (status) => status !== "CANCELLED",
    code: "RELEASE_CLOSED",
    refusal: "A cancelled release cannot be changed.",
  },
  REPLAN: {
    allows: (status) => !isClosed(status),
    code: "RELEASE_CLOSED",
    refusal: (status) => `A ${closedWord(status)} release cannot be re-planned.`,
  },
  HOLD: {
    allows: isOpen,
    code: "RELEASE_NOT_OPEN",
    refusal: "Only a release that is planned or in progress can be put on hold.",
  },
  RESUME: {
    allows: (status) => status === "ON_HOLD",
    code: "RELEASE_NOT_ON_HOLD",
    refusal: "The release is not on hold.",
  },
  CANCEL: {
    allows: (status) => !isClosed(status),
    code: "RELEASE_CLOSED",
    refusal: (status) =>
      status === "LIVE"
        ? "A live release cannot be cancelled."
        : "The release is cancelled already.",
  },
  ADD_PATCH: {
    allows: (status) => status !== "CANCELLED",
    code: "RELEASE_CLOSED",
    refusal: "A cancelled release takes no patches.",
  },
};

type Subject = { status: ReleaseStatus };
type Person = { role: Role };

/** Why the release's status does not allow `command`, whoever asks, or undefined when it does. */
export function statusBlocker(release: Subject, command: ReleaseCommand): AppError | undefined {
  const rule = STATUS_RULES[command];
  if (rule.allows(release.status)) return undefined;
  const message = typeof rule.refusal === "string" ? rule.refusal : rule.refusal(release.status);
  return new AppError("CONFLICT", rule.code, message, { status: release.status });
}

/** Why `actor` may not run `command` on the release now, or undefined when they may. */
export function commandBlocker(
  actor: Person,
  release: Subject,
  command: ReleaseCommand,
): AppError | undefined {
  if (!can(actor.role, "releases.plan")) {
    return new AppError("FORBIDDEN", "FORBIDDEN", refusalFor("releases.plan"));
  }
  return statusBlocker(release, command);
}

/** Whether a release in this status allows the command at all (for whoever may run it). */
export function statusAllows(status: ReleaseStatus, command: ReleaseCommand): boolean {
  return STATUS_RULES[command].allows(status);
}

export function mayRun(actor: Person, release: Subject, command: ReleaseCommand): boolean {
  return commandBlocker(actor, release, command) === undefined;
}

/** Every command the actor may run on the release now (drives the buttons on a release). */
export function commandsFor(actor: Person, release: Subject): ReleaseCommand[] {
  return RELEASE_COMMANDS.filter((command) => mayRun(actor, release, command));
}

/**
 * The artifact (version and digest) is fixed once DEV is signed off: the same build moves through
 * every stage, and a rebuilt one is a new release or patch.
 */
export function isArtifactLocked(stages: readonly { status: StageStatus }[]): boolean {
  return stages[0]?.status === "SIGNED_OFF";
}

/**
 * DEV has started (or was signed off). From then on the holiday region is fixed, and a re-plan keeps
 * what happened and moves only what is left.
 */
export function hasStarted(
  stages: readonly { status: StageStatus; actualStart: string | null }[],
): boolean {
  return stages.some((stage) => stage.status !== "PENDING" || stage.actualStart !== null);
}

// Who may do what: one table of role × permission. Every route handler, server action, page and
// button asks `can(role, permission)`; nothing else compares roles. Whether a specific stage may be
// signed off by someone also depends on the stage settings and the release (four eyes, current
// stage): that rule is lib/domain/signoff.ts `mayDecide`, and whether a release manager may hold,
// resume, cancel … a release in its current status is lib/domain/release-commands.ts.
import { ROLES, type Role } from "./domain/stages";
import { AppError } from "./errors";

type PermissionRule = { roles: readonly Role[]; refusal: string };

export const PERMISSIONS = {
  /** Read the calendar, timeline, environments, releases, reports; subscribe to the feed. */
  "releases.read": { roles: ROLES, refusal: "You may not view releases." },
  /** Create, edit, re-plan, hold, resume and cancel releases and patches; reopen rejected stages. */
  "releases.plan": {
    roles: ["RELEASE_MANAGER"],
    refusal: "Only release managers create, plan and change releases.",
  },
  /** Stage settings, the company calendar, general settings. */
  "settings.manage": { roles: ["ADMIN"], refusal: "Only administrators change settings." },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** The sentence a refused person reads. */
export function refusalFor(permission: Permission): string {
  return PERMISSIONS[permission].refusal;
}

/** Throws the 403 of the table when the role lacks the permission. */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError("FORBIDDEN", "FORBIDDEN", refusalFor(permission));
}

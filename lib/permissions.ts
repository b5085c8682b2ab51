// Who may do what: one table of role × permission. Every route handler, server action, page and
// button asks `can(role, permission)`; nothing else compares roles. Each permission also says what
// kind of access it is, which decides the API token scopes that may use it (lib/domain/people.ts).
// Whether a specific stage may be signed off by someone also depends on the stage settings and the
// release (four eyes, current stage): that rule is lib/domain/signoff.ts `mayDecide`, and whether a
// release in its current status allows a command is lib/domain/release-commands.ts.
import type { Access } from "./domain/people";
import { ROLES, type Role } from "./domain/stages";
import { AppError } from "./errors";

type PermissionRule = {
  roles: readonly Role[];
  access: Access;
  refusal: string;
  /** Only a person at a browser, never an API token: a token must not mint tokens or keys. */
  sessionOnly?: true;
  /** Any API token may use it, whatever its scope (the gate: a deploy token asks before deploying). */
  anyScope?: true;
};

export const PERMISSIONS = {
  /** Read the calendar, timeline, environments, releases, reports, plans; the own feed. */
  "releases.read": { roles: ROLES, access: "read", refusal: "You may not view releases." },
  /** Create, edit, re-plan, hold, resume and cancel releases and patches; reopen rejected stages. */
  "releases.plan": {
    roles: ["RELEASE_MANAGER"],
    access: "write",
    refusal: "Only release managers create, plan and change releases.",
  },
  /** Approve or reject a stage; who exactly may is the stage's rule (lib/domain/signoff.ts). */
  "stages.decide": {
    roles: ROLES,
    access: "write",
    refusal: "You may not sign off stages.",
  },
  /** Record what became of a live release: kept, rolled back, rolled forward. */
  "releases.outcome": {
    roles: ["RELEASE_MANAGER", "QA"],
    access: "write",
    refusal: "Release managers and QA record the outcome of a release after go-live.",
  },
  /** Report a deployment (CI pipelines, GitOps controllers): evidence, never an approval. */
  "deployments.report": {
    roles: ["ADMIN", "RELEASE_MANAGER", "QA"],
    access: "deploy",
    refusal: "Viewers do not report deployments.",
  },
  /** Write and publish a release's notes (a pipeline pushes them with a deploy token). */
  "releases.notes": {
    roles: ["RELEASE_MANAGER"],
    access: "deploy",
    refusal: "Only release managers write release notes.",
  },
  /** Watch products and releases (and stop): everyone who reads may follow what ships. */
  "watches.manage": {
    roles: ROLES,
    access: "write",
    refusal: "You may not watch releases.",
  },
  /** Report what the monitoring saw (Alertmanager, a monitoring tool): evidence for the outcome. */
  "signals.report": {
    roles: ["ADMIN", "RELEASE_MANAGER", "QA"],
    access: "deploy",
    refusal: "Viewers do not report signals.",
  },
  /** The signals no release took, to fix how alerts name products and environments. */
  "signals.review": {
    roles: ["ADMIN"],
    access: "read",
    refusal: "Only administrators list all signals.",
  },
  /** Ask the gate whether a version may go to an environment now (pipelines, Argo CD, Kargo). */
  "gate.ask": {
    roles: ROLES,
    access: "read",
    refusal: "You may not ask the gate.",
    anyScope: true,
  },
  /** Ask for an exception to the deployment windows for a release (then another person decides). */
  "exceptions.request": {
    roles: ["RELEASE_MANAGER"],
    access: "write",
    refusal: "Only release managers ask for exceptions to the deployment windows.",
  },
  /** Approve or refuse an exception someone else asked for. */
  "exceptions.decide": {
    roles: ["ADMIN", "RELEASE_MANAGER"],
    access: "write",
    refusal:
      "Only administrators and release managers decide exceptions to the deployment windows.",
  },
  /** Create products and change their name, description and owners. Approver groups: the owners. */
  "products.manage": {
    roles: ["ADMIN", "RELEASE_MANAGER"],
    access: "write",
    refusal: "Only administrators and release managers manage products.",
  },
  /** Stage settings, the company calendar, general settings. */
  "settings.manage": {
    roles: ["ADMIN"],
    access: "write",
    refusal: "Only administrators change settings.",
  },
  /** The names, emails and roles of active users (to pick a deputy or an approver). */
  "people.read": { roles: ROLES, access: "read", refusal: "You may not list users." },
  /** Create users, change their name and role, deactivate them, reset passwords; every API token. */
  "users.manage": {
    roles: ["ADMIN"],
    access: "write",
    refusal: "Only administrators manage users and their access.",
  },
  /** One's own API tokens, sessions, calendar feed address, email choices and deputies, listed. */
  "account.read": {
    roles: ROLES,
    access: "read",
    refusal: "You may not read this account.",
    sessionOnly: true,
  },
  /** One's own password, API tokens, sessions, calendar feed address and email choices. */
  "account.manage": {
    roles: ROLES,
    access: "write",
    refusal: "You may not change this account.",
    sessionOnly: true,
  },
  /** Name a deputy for an absence (who then decides in one's place), or end it. */
  "account.delegate": {
    roles: ROLES, // who signs anything at all is the delegation rule's business (delegation.ts)
    access: "write",
    refusal: "You may not name a deputy.",
    sessionOnly: true,
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** The sentence a refused person reads. */
export function refusalFor(permission: Permission): string {
  return PERMISSIONS[permission].refusal;
}

/** Whether a permission is for a browser session only (403 SESSION_REQUIRED for a token). */
export function isSessionOnly(permission: Permission): boolean {
  const rule: PermissionRule = PERMISSIONS[permission];
  return rule.sessionOnly === true;
}

/** Whether every API token may use a permission, whatever its scope. */
export function isAnyScope(permission: Permission): boolean {
  const rule: PermissionRule = PERMISSIONS[permission];
  return rule.anyScope === true;
}

/** The kind of access a permission needs from an API token. */
export function accessOf(permission: Permission): Access {
  return PERMISSIONS[permission].access;
}

/** Throws the 403 of the table when the role lacks the permission. */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError("FORBIDDEN", "FORBIDDEN", refusalFor(permission));
}

// The rules about people and their access: passwords, the last admin, API token scopes, and how a
// single sign-on group becomes a role. Pure; the server applies them (lib/server/users/).
import { AppError } from "../errors";

import { ROLES, type Role } from "./stages";

/** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
export const PASSWORD_MIN_BYTES = 12;
export const PASSWORD_MAX_BYTES = 72;

/** Why a new password cannot be used, or undefined. Counted in UTF-8 bytes, as bcrypt does. */
export function passwordProblem(password: string): string | undefined {
  const bytes = new TextEncoder().encode(password).length;
  if (bytes < PASSWORD_MIN_BYTES) {
    return `Use at least ${PASSWORD_MIN_BYTES} characters.`;
  }
  if (bytes > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (bcrypt ignores anything longer; letters with accents and emoji take 2–4 bytes each).`;
  }
  return undefined;
}

/** A one-time "set your password" link is valid this long. */
export const PASSWORD_LINK_DAYS = 7;

type AdminChange = {
  /** The user being changed, as they are now. */
  target: { role: Role; isActive: boolean };
  /** What would change. */
  change: { role?: Role; isActive?: boolean };
  /** Active admins today, the target included if it is one. */
  activeAdmins: number;
};

/** Whether a change would leave nobody able to administer the app. */
export function removesLastAdmin({ target, change, activeAdmins }: AdminChange): boolean {
  const isActiveAdmin = target.role === "ADMIN" && target.isActive;
  const staysActiveAdmin =
    (change.role ?? target.role) === "ADMIN" && (change.isActive ?? target.isActive);
  return isActiveAdmin && !staysActiveAdmin && activeAdmins <= 1;
}

/** Refuses a change that would leave nobody able to administer the app. */
export function assertKeepsAnAdmin(change: AdminChange): void {
  if (removesLastAdmin(change)) {
    throw new AppError(
      "CONFLICT",
      "LAST_ADMIN",
      "This is the last active administrator: make someone else an administrator first.",
    );
  }
}

export const TOKEN_SCOPES = ["read", "write", "deploy"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What kind of access a permission needs from an API token: reading, changing, or reporting deployments. */
export type Access = "read" | "write" | "deploy";

/** Which access each token scope grants: `write` includes reading and reporting deployments; `deploy` only reports deployments. */
const SCOPE_GRANTS: Record<TokenScope, readonly Access[]> = {
  read: ["read"],
  write: ["read", "write", "deploy"],
  deploy: ["deploy"],
};

export function scopeGrants(scope: TokenScope, access: Access): boolean {
  return SCOPE_GRANTS[scope].includes(access);
}

/** The token scopes a role may create: a viewer only reads. */
export function tokenScopesFor(role: Role): TokenScope[] {
  return role === "VIEWER" ? ["read"] : [...TOKEN_SCOPES];
}

/** Which role wins when a person is in several single sign-on groups. */
const ROLE_RANK: Record<Role, number> = { VIEWER: 0, QA: 1, RELEASE_MANAGER: 2, ADMIN: 3 };

export type RoleMap = ReadonlyMap<string, Role>;

/** `rc-admins=ADMIN,rc-qa=QA` → group → role; a malformed entry is an error naming it. */
export function parseRoleMap(text: string): RoleMap {
  const map = new Map<string, Role>();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [group, role] = entry.split("=").map((part) => part?.trim());
    if (!group || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`OIDC_ROLE_MAP: '${entry}' is not group=ROLE (roles: ${ROLES.join(", ")}).`);
    }
    map.set(group, role as Role);
  }
  return map;
}

/** The role a sign-on claim gives: the highest of the mapped groups, a viewer when none maps. */
export function roleFromClaim(claim: unknown, map: RoleMap): Role {
  const groups = Array.isArray(claim) ? claim : typeof claim === "string" ? [claim] : [];
  let role: Role = "VIEWER";
  for (const group of groups) {
    const mapped = typeof group === "string" ? map.get(group) : undefined;
    if (mapped && ROLE_RANK[mapped] > ROLE_RANK[role]) role = mapped;
  }
  return role;
}

/** Audit actions about people and their access (the actor is who did it, the subject whom it concerns). */
export type PeopleAuditAction =
  | "USER_CREATED"
  | "USER_UPDATED"
  | "USER_PASSWORD_SET"
  | "USER_PASSWORD_RESET"
  | "TOKEN_CREATED"
  | "TOKEN_REVOKED";

/**
 * How long a failed sign-in waits before it is answered: doubling with each attempt in the window
 * (0.1 s, 0.2 s, 0.4 s, …, at most 2 s), so that guessing slows down long before the lock.
 */
export function failedSignInDelayMs(attempt: number): number {
  return Math.min(2000, 100 * 2 ** Math.max(0, attempt - 1));
}

/** The longest an API token lives unless an administrator says otherwise: a year. */
export const DEFAULT_TOKEN_MAX_LIFETIME_DAYS = 365;
export const TOKEN_MAX_LIFETIME_LIMIT_DAYS = 3650;

/**
 * When a new API token expires: when asked, if that is in the future and within the maximum
 * lifetime; without a date, at the end of the maximum lifetime (no token lives forever).
 */
export function tokenExpiry(requested: Date | null | undefined, now: Date, maxDays: number): Date {
  const latest = new Date(now.getTime() + maxDays * 24 * 3600 * 1000);
  if (!requested) return latest;
  if (requested <= now) {
    throw new AppError("UNPROCESSABLE", "END_IN_PAST", "The expiry must be in the future.");
  }
  // A date picked as the expiry means through that day (UTC): the last day of the lifetime counts.
  const latestDay = new Date(`${latest.toISOString().slice(0, 10)}T23:59:59.999Z`);
  if (requested > latestDay) {
    throw new AppError(
      "UNPROCESSABLE",
      "EXPIRY_TOO_FAR",
      `An API token lives at most ${maxDays} days: choose an expiry on or before ${latest.toISOString().slice(0, 10)}.`,
      { latest: latest.toISOString() },
    );
  }
  return requested;
}

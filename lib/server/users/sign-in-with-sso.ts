import "server-only";

import { parseRoleMap, removesLastAdmin, roleFromClaim } from "@/lib/domain/people";
import type { Role } from "@/lib/domain/stages";
import { getEnv } from "@/lib/env";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import type { SessionUser } from "@/lib/types/user";

import { countActiveAdmins } from "./manage-users";
import { sessionUserSelect } from "./session-user";

export type SsoProfile = {
  issuer: string;
  subject: string;
  email?: string | null;
  name?: string | null;
  /** Every claim of the ID token, to find the role claim in. */
  claims: Record<string, unknown>;
};

/**
 * The local user of a single sign-on identity: found by the identity, else by email (linking an
 * existing account: only when the provider says the address is verified and the account is not
 * linked to another identity), else created on first sign-in. The role follows the role claim at
 * every sign-in (OIDC_ROLE_CLAIM through OIDC_ROLE_MAP), and a change is audited, except that a
 * claim never demotes the last active administrator. Null when the user is deactivated, the
 * provider gave no email to create them with, or the email belongs to an account it may not take.
 */
export async function signInWithSso(profile: SsoProfile): Promise<SessionUser | null> {
  const env = getEnv();
  const claimedRole = roleFromClaim(
    profile.claims[env.OIDC_ROLE_CLAIM],
    parseRoleMap(env.OIDC_ROLE_MAP),
  );
  const identity = `${profile.issuer}|${profile.subject}`;
  // Only an address the identity provider says it verified may reach an existing account.
  const isVerified = profile.claims.email_verified === true;
  const email = profile.email?.trim().toLowerCase() || null;
  return getDb().$transaction(async (tx) => {
    const linked = await tx.user.findUnique({ where: { oidcSubject: identity } });
    const byEmail = !linked && email ? await tx.user.findUnique({ where: { email } }) : null;
    if (byEmail && (!isVerified || (byEmail.oidcSubject && byEmail.oidcSubject !== identity))) {
      return null; // an unverified address, or an account another identity signs in to
    }
    const existing = linked ?? byEmail;
    if (!existing) {
      if (!email) return null;
      const created = await tx.user.create({
        data: {
          email,
          name: profile.name?.trim() || email,
          role: claimedRole,
          oidcSubject: identity,
        },
        select: sessionUserSelect,
      });
      await tx.auditEvent.create({
        data: {
          action: "USER_CREATED",
          actorId: created.id,
          subjectUserId: created.id,
          after: { email, name: created.name, role: claimedRole, via: "single sign-on" },
        },
      });
      return created;
    }
    if (!existing.isActive) return null;
    const role = await roleKeepingAnAdmin(tx, existing, claimedRole);
    const updated = await tx.user.update({
      where: { id: existing.id },
      data: { role, oidcSubject: identity },
      select: sessionUserSelect,
    });
    if (existing.role !== role) {
      await tx.auditEvent.create({
        data: {
          action: "USER_UPDATED",
          actorId: existing.id,
          subjectUserId: existing.id,
          before: { role: existing.role },
          after: { role },
          comment: `Role from the single sign-on claim '${env.OIDC_ROLE_CLAIM}'.`,
        },
      });
    }
    return updated;
  });
}

/**
 * The role a claim gives, unless it would leave no active administrator: then the person stays
 * one (a provider's group change must not lock everyone out of the admin pages).
 */
async function roleKeepingAnAdmin(
  tx: DbTransaction,
  user: { id: string; role: Role; isActive: boolean },
  claimed: Role,
): Promise<Role> {
  if (user.role !== "ADMIN" || claimed === "ADMIN") return claimed;
  const activeAdmins = await countActiveAdmins(tx);
  if (!removesLastAdmin({ target: user, change: { role: claimed }, activeAdmins })) {
    return claimed;
  }
  log().warn(
    { userId: user.id, claimed },
    "single sign-on claim would demote the last active administrator: kept as administrator",
  );
  return "ADMIN";
}

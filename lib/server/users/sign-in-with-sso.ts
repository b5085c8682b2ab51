import "server-only";

import { parseRoleMap, roleFromClaim } from "@/lib/domain/people";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

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
 * existing account), else created on first sign-in. The role follows the role claim at every
 * sign-in (OIDC_ROLE_CLAIM through OIDC_ROLE_MAP), and a change is audited. Null when the user is
 * deactivated or the identity provider gave no email to create them with.
 */
export async function signInWithSso(profile: SsoProfile): Promise<SessionUser | null> {
  const env = getEnv();
  const role = roleFromClaim(profile.claims[env.OIDC_ROLE_CLAIM], parseRoleMap(env.OIDC_ROLE_MAP));
  const identity = `${profile.issuer}|${profile.subject}`;
  // An address the identity provider says it has not verified links no existing account.
  const isVerified = profile.claims.email_verified !== false;
  const email = profile.email?.trim().toLowerCase() || null;
  return getDb().$transaction(async (tx) => {
    const existing =
      (await tx.user.findUnique({ where: { oidcSubject: identity } })) ??
      (email && isVerified ? await tx.user.findUnique({ where: { email } }) : null);
    if (!existing) {
      // No email to create them with, or one an unverified identity may not take over.
      if (!email || (await tx.user.findUnique({ where: { email }, select: { id: true } }))) {
        return null;
      }
      const created = await tx.user.create({
        data: { email, name: profile.name?.trim() || email, role, oidcSubject: identity },
        select: sessionUserSelect,
      });
      await tx.auditEvent.create({
        data: {
          action: "USER_CREATED",
          actorId: created.id,
          subjectUserId: created.id,
          after: { email, name: created.name, role, via: "single sign-on" },
        },
      });
      return created;
    }
    if (!existing.isActive) return null;
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

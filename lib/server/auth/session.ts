import "server-only";

import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";

import { can, type Permission } from "@/lib/permissions";
import { userOfSession } from "@/lib/server/users/sessions";
import type { SessionUser } from "@/lib/types/user";

import { authOptions } from "./options";

/**
 * The person behind the session cookie of this request (read once per request), or null. They are
 * read fresh from the database, so a changed role or a deactivation applies at once.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const { id, sessionId } = session?.user ?? {};
  if (!id || !sessionId) return null;
  return userOfSession(sessionId, id);
});

/** The id of this request's browser session (its row in user_sessions), if signed in. */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.sessionId ?? null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For pages: the signed-in user if their role grants the permission, otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}

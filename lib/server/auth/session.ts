import "server-only";

import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";

import { can, type Permission } from "@/lib/permissions";
import { getActiveUser } from "@/lib/server/users/get-active-user";
import type { SessionUser } from "@/lib/types/user";

import { authOptions } from "./options";

/**
 * The person behind the session cookie of this request (read once per request), or null. They are
 * read fresh from the database, so a changed role or a deactivation applies at once.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return getActiveUser(session.user.id);
});

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

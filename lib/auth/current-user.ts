import "server-only";

import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";

import type { Role } from "@/lib/domain/stages";
import { getActiveUser } from "@/lib/server/users/get-active-user";
import type { SessionUser } from "@/lib/server/users/session-user";

import { authOptions } from "./options";

/** The signed-in user for this request (read once per request), or null. */
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

/** For pages: the signed-in user if they hold one of the roles, otherwise the 403 page. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

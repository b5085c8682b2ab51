import "server-only";

import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
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

/**
 * The person and session behind a request's own session cookie (API routes): read from the
 * request, not from Next's request store, so that the same route works when called directly.
 */
export async function sessionOfRequest(
  request: Request,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  if (!cookies.size) return null;
  // Without an Authorization header, getToken reads the session cookie only.
  const headers = new Headers(request.headers);
  headers.delete("authorization");
  const token = await getToken({ req: { cookies, headers } as never, secret: authOptions.secret });
  if (typeof token?.uid !== "string" || typeof token.sid !== "string") return null;
  const user = await userOfSession(token.sid, token.uid);
  return user ? { user, sessionId: token.sid } : null;
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

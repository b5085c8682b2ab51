// A browser session for a route called in a test: a session row, and the next-auth cookie naming
// it, signed with the tests' NEXTAUTH_SECRET exactly as a sign-in would sign it.
import { encode } from "next-auth/jwt";

import { getEnv } from "@/lib/env";
import { startSession } from "@/lib/server/users/sessions";
import type { SessionUser } from "@/lib/types/user";

export const SESSION_COOKIE = "next-auth.session-token";

/** The Cookie header of a fresh session of this user, and the session's id. */
export async function signedInCookie(
  user: Pick<SessionUser, "id" | "role">,
): Promise<{ cookie: string; sessionId: string }> {
  const sessionId = await startSession({ userId: user.id, method: "PASSWORD" });
  const jwt = await encode({
    token: { uid: user.id, role: user.role, sid: sessionId },
    secret: getEnv().NEXTAUTH_SECRET!,
  });
  return { cookie: `${SESSION_COOKIE}=${jwt}`, sessionId };
}

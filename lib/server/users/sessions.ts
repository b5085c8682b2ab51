import "server-only";

import type { AuthMethod } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";
import type { SessionInfo, SessionUser } from "@/lib/types/user";

import { sessionUserSelect } from "./session-user";

/** A browser session lasts one working day; signing in again starts a new one. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** How often a session's "last seen" is written (not on every request). */
const SEEN_EVERY_MS = 5 * 60_000;

/** Records a sign-in; the session cookie carries the returned id. */
export async function startSession(input: {
  userId: string;
  method: AuthMethod;
  userAgent?: string | null;
  ipAddress?: string | null;
}): Promise<string> {
  const db = getDb();
  const now = new Date();
  const [session] = await db.$transaction([
    db.userSession.create({
      data: {
        userId: input.userId,
        method: input.method,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        ipAddress: input.ipAddress?.slice(0, 64) ?? null,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true },
    }),
    db.user.update({ where: { id: input.userId }, data: { lastSignInAt: now } }),
  ]);
  return session.id;
}

/**
 * The person behind a session cookie, if the session is still theirs, not revoked, not expired,
 * and they are still active (a role change applies at once: the role is read here).
 */
export async function userOfSession(
  sessionId: string,
  userId: string,
): Promise<SessionUser | null> {
  const db = getDb();
  const session = await db.userSession.findFirst({
    where: {
      id: sessionId,
      userId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      user: { isActive: true },
    },
    select: { lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  return session.user;
}

/** The user's sessions still running, newest first. */
export async function listSessions(userId: string): Promise<SessionInfo[]> {
  const sessions = await getDb().userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  return sessions.map((session) => ({
    id: session.id,
    method: session.method,
    userAgent: session.userAgent,
    ipAddress: session.ipAddress,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  }));
}

/** Signs out one of the user's sessions (its cookie stops working at the next request). */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  const ended = await getDb().userSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (ended.count === 0) {
    throw new AppError("NOT_FOUND", "NOT_FOUND", "There is no such session of yours.");
  }
}

/** Ends a session by its id, whoever's it is (signing out: the cookie named it). */
export async function revokeSession(sessionId: string): Promise<void> {
  await getDb().userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

import "server-only";

import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { hashPassword, verifyPassword } from "./passwords";
import { blockedUntil, recordFailure } from "./sign-in-throttle";

/**
 * Changes one's own password: the current one is required (and wrong guesses count towards the
 * sign-in throttle); the other sessions end, this one stays.
 */
export async function changeOwnPassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string; keepSessionId?: string | null },
): Promise<void> {
  const keys = { email: user.email };
  if (await blockedUntil(keys)) {
    throw new AppError(
      "RATE_LIMITED",
      "TOO_MANY_ATTEMPTS",
      "Too many wrong passwords. Try again in 15 minutes.",
    );
  }
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true },
  });
  if (!row.passwordHash) {
    throw new AppError(
      "UNPROCESSABLE",
      "WRONG_PASSWORD",
      "You sign in with single sign-on or have no password yet: there is none to change.",
    );
  }
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    await recordFailure(keys);
    throw new AppError("UNPROCESSABLE", "WRONG_PASSWORD", "The current password is not right.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: new Date() },
    }),
    db.userSession.updateMany({
      where: {
        userId: user.id,
        revokedAt: null,
        ...(input.keepSessionId && { id: { not: input.keepSessionId } }),
      },
      data: { revokedAt: new Date() },
    }),
    db.auditEvent.create({
      data: { action: "USER_PASSWORD_SET", actorId: user.id, subjectUserId: user.id },
    }),
  ]);
}

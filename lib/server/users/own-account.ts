import "server-only";

import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { hashNewPassword, verifyPassword } from "./passwords";
import { clearAttempts, takeAttempt } from "./sign-in-throttle";

/**
 * Changes one's own password: the current one is required (and wrong guesses count towards the
 * sign-in throttle); the other sessions end, this one stays.
 */
export async function changeOwnPassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string; keepSessionId?: string | null },
): Promise<void> {
  // Counted before the check, like a sign-in: guesses at the current password cannot run in parallel.
  const keys = { email: user.email };
  await takeAttempt(keys);
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
    throw new AppError("UNPROCESSABLE", "WRONG_PASSWORD", "The current password is not right.");
  }
  await clearAttempts(keys);
  const passwordHash = await hashNewPassword(input.newPassword, "newPassword");
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

import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { PasswordTokenPurpose } from "@/generated/prisma/client";
import { PASSWORD_LINK_DAYS } from "@/lib/domain/people";
import { AppError } from "@/lib/errors";
import { type DbTransaction, getDb } from "@/lib/server/db/client";

import { hashNewPassword } from "./passwords";

function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A one-time "set your password" link, valid PASSWORD_LINK_DAYS: only its hash is stored, and
 * issuing a new one retires the user's earlier unused links.
 */
export async function issuePasswordLink(
  tx: DbTransaction,
  input: { userId: string; purpose: PasswordTokenPurpose; createdById: string; origin: string },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.passwordToken.updateMany({
    where: { userId: input.userId, usedAt: null },
    data: { usedAt: now },
  });
  await tx.passwordToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      createdById: input.createdById,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(now.getTime() + PASSWORD_LINK_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  return `${input.origin}/set-password?token=${token}`;
}

function linkExpired(): AppError {
  return new AppError(
    "UNPROCESSABLE",
    "LINK_EXPIRED",
    "This link has expired or was used already. Ask an administrator for a new one.",
  );
}

/** Whose link this is, if it can still be used (for the set-password page). */
export async function personOfPasswordLink(
  token: string,
): Promise<{ name: string; email: string } | null> {
  const link = await getDb().passwordToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      user: { select: { name: true, email: true, isActive: true } },
    },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date() || !link.user.isActive) return null;
  return { name: link.user.name, email: link.user.email };
}

/** Sets the password of a link's user; the link works once. Answers their email, to sign in with. */
export async function setPasswordWithLink(token: string, newPassword: string): Promise<string> {
  const passwordHash = await hashNewPassword(newPassword, "newPassword");
  return getDb().$transaction(async (tx) => {
    const link = await tx.passwordToken.findUnique({
      where: { tokenHash: hashLinkToken(token) },
      select: {
        id: true,
        usedAt: true,
        expiresAt: true,
        userId: true,
        user: { select: { email: true, isActive: true } },
      },
    });
    if (!link || link.usedAt || link.expiresAt <= new Date() || !link.user.isActive) {
      throw linkExpired();
    }
    // Claimed atomically: of two submissions of one link, only one sets the password.
    const claimed = await tx.passwordToken.updateMany({
      where: { id: link.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw linkExpired();
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    await tx.auditEvent.create({
      data: { action: "USER_PASSWORD_SET", actorId: link.userId, subjectUserId: link.userId },
    });
    return link.user.email;
  });
}

import "server-only";

import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { verifyPassword } from "./passwords";
import { sessionUserSelect } from "./session-user";
import { blockedUntil, clearFailures, recordFailure } from "./sign-in-throttle";

function minutesUntil(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}

/**
 * The active user with this email and password. Never says which of the two was wrong; refused
 * while the email (or the client address) is blocked after too many failures, even when right.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  client?: string | null;
}): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const keys = { email, client: input.client };
  const blocked = await blockedUntil(keys);
  if (blocked) {
    const minutes = minutesUntil(blocked);
    throw new AppError(
      "RATE_LIMITED",
      "TOO_MANY_ATTEMPTS",
      `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
      { retryAfterSeconds: minutes * 60 },
    );
  }
  const user = await getDb().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true, isActive: true },
  });
  const isValid = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) {
    await recordFailure(keys);
    throw new AppError("UNAUTHENTICATED", "INVALID_CREDENTIALS", "Email or password is incorrect.");
  }
  await clearFailures(keys);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

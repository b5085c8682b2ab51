import "server-only";

import { setTimeout as sleep } from "node:timers/promises";

import { failedSignInDelayMs } from "@/lib/domain/people";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { verifyPassword } from "./passwords";
import { sessionUserSelect } from "./session-user";
import { clearAttempts, takeAttempt } from "./sign-in-throttle";

/**
 * The active user with this email and password. Never says which of the two was wrong. Every
 * attempt is counted before the password is checked; past the limit it is refused even when
 * right (lib/server/users/sign-in-throttle.ts), and each failure answers a little later than the
 * one before. `device` is the browser's known-device id for this email, when it has one.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  client?: string | null;
  device?: string | null;
}): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const keys = { email, client: input.client, device: input.device };
  const attempt = await takeAttempt(keys);
  const user = await getDb().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true, isActive: true },
  });
  const isValid = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) {
    await sleep(failedSignInDelayMs(attempt));
    throw new AppError("UNAUTHENTICATED", "INVALID_CREDENTIALS", "Email or password is incorrect.");
  }
  await clearAttempts(keys);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

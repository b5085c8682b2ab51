import "server-only";

import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";

// Sign-in attempts are counted in PostgreSQL, so that every app instance sees the same counts. Each
// attempt is counted (one atomic upsert per key) *before* the password is checked: 200 parallel
// guesses for one email get 5 checks, not 200. After LIMIT attempts within WINDOW for a key, the
// key is refused for BLOCK, even with the right password; a success forgets the email's count.
// Keys: the email and the client address for an unknown browser; a browser the person signed in
// with before (a known device: lib/server/users/known-device.ts) counts on its own key instead, so
// a stranger's guesses cannot lock the person out of their own browser.
export const THROTTLE = {
  windowMinutes: 15,
  blockMinutes: 15,
  emailLimit: 5,
  deviceLimit: 5,
  clientLimit: 30,
} as const;

export type ThrottleKeys = { email: string; client?: string | null; device?: string | null };

type Key = { key: string; limit: number };

function keysOf({ email, client, device }: ThrottleKeys): Key[] {
  if (device) return [{ key: `device:${device}`, limit: THROTTLE.deviceLimit }];
  const keys: Key[] = [{ key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE.emailLimit }];
  if (client) keys.push({ key: `ip:${client}`, limit: THROTTLE.clientLimit });
  return keys;
}

function minutesUntil(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}

function tooMany(until: Date): AppError {
  const minutes = minutesUntil(until);
  return new AppError(
    "RATE_LIMITED",
    "TOO_MANY_ATTEMPTS",
    `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    { retryAfterSeconds: minutes * 60 },
  );
}

/**
 * Counts one attempt on every key, atomically. A count past its limit is refused (429
 * TOO_MANY_ATTEMPTS): the attempt reaching the limit still gets its check and starts the block.
 * Answers the attempt's number on the first key (what the answer's delay grows with).
 */
export async function takeAttempt(keys: ThrottleKeys): Promise<number> {
  const db = getDb();
  let attempt = 0;
  for (const { key, limit } of keysOf(keys)) {
    // A window is over when it started more than WINDOW ago and no block runs.
    const [row] = await db.$queryRaw<{ failures: number; blocked_until: Date | null }[]>`
      INSERT INTO sign_in_throttle AS t (key, failures, window_start, blocked_until)
      VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + make_interval(mins => ${THROTTLE.blockMinutes}) END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_start < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                              AND (t.blocked_until IS NULL OR t.blocked_until <= now())
                        THEN 1 ELSE LEAST(t.failures + 1, ${limit} + 1) END,
        window_start = CASE WHEN t.window_start < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                                 AND (t.blocked_until IS NULL OR t.blocked_until <= now())
                            THEN now() ELSE t.window_start END,
        blocked_until = CASE
          WHEN t.blocked_until > now() THEN t.blocked_until
          WHEN t.window_start >= now() - make_interval(mins => ${THROTTLE.windowMinutes})
               AND t.failures + 1 >= ${limit}
          THEN now() + make_interval(mins => ${THROTTLE.blockMinutes})
          ELSE NULL END
      RETURNING failures, blocked_until`;
    if (row!.failures > limit) throw tooMany(row!.blocked_until ?? new Date());
    attempt ||= row!.failures;
  }
  return attempt;
}

/**
 * After a right password: the email's (or the known device's) count is forgotten; the client's
 * count, shared by everyone behind one address, only gives back the attempt that succeeded.
 */
export async function clearAttempts(keys: ThrottleKeys): Promise<void> {
  const [first, ...others] = keysOf(keys);
  const db = getDb();
  await db.signInThrottle.deleteMany({ where: { key: first!.key } });
  for (const { key } of others) {
    await db.$executeRaw`
      UPDATE sign_in_throttle SET failures = failures - 1
       WHERE key = ${key} AND failures > 0 AND (blocked_until IS NULL OR blocked_until <= now())`;
  }
}

/** Forgets counts whose window and block are over (the worker, once a minute). */
export async function pruneSignInThrottle(): Promise<number> {
  return getDb().$executeRaw`
    DELETE FROM sign_in_throttle
     WHERE window_start < now() - make_interval(mins => ${THROTTLE.windowMinutes})
       AND (blocked_until IS NULL OR blocked_until <= now())`;
}

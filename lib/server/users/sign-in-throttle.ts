import "server-only";

import { getDb } from "@/lib/server/db/client";

// Failed sign-ins are counted in PostgreSQL, so that every app instance sees the same counts: after
// LIMIT failures within WINDOW for one email (or many more for one client address), sign-in for it
// is refused for BLOCK, even with the right password. Each count is one atomic upsert.
export const THROTTLE = {
  windowMinutes: 15,
  blockMinutes: 15,
  emailLimit: 5,
  clientLimit: 30,
} as const;

export type ThrottleKeys = { email: string; client?: string | null };

function keysOf({ email, client }: ThrottleKeys): { key: string; limit: number }[] {
  const keys: { key: string; limit: number }[] = [
    { key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE.emailLimit },
  ];
  if (client) keys.push({ key: `ip:${client}`, limit: THROTTLE.clientLimit });
  return keys;
}

/** Until when sign-in is refused for this email or client, or null when it is not. */
export async function blockedUntil(keys: ThrottleKeys): Promise<Date | null> {
  const rows = await getDb().signInThrottle.findMany({
    where: { key: { in: keysOf(keys).map((k) => k.key) }, blockedUntil: { gt: new Date() } },
    select: { blockedUntil: true },
  });
  const until = rows.map((row) => row.blockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** Counts a failed sign-in; a count that reaches its limit blocks for the block time. */
export async function recordFailure(keys: ThrottleKeys): Promise<void> {
  const db = getDb();
  for (const { key, limit } of keysOf(keys)) {
    await db.$executeRaw`
      INSERT INTO sign_in_throttle (key, failures, window_start, blocked_until)
      VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + make_interval(mins => ${THROTTLE.blockMinutes}) END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_throttle.window_start < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                        THEN 1 ELSE sign_in_throttle.failures + 1 END,
        window_start = CASE WHEN sign_in_throttle.window_start < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                            THEN now() ELSE sign_in_throttle.window_start END,
        blocked_until = CASE
          WHEN sign_in_throttle.window_start >= now() - make_interval(mins => ${THROTTLE.windowMinutes})
               AND sign_in_throttle.failures + 1 >= ${limit}
          THEN now() + make_interval(mins => ${THROTTLE.blockMinutes})
          ELSE sign_in_throttle.blocked_until END`;
  }
}

/** A successful sign-in forgets the email's failures (the client's count runs on). */
export async function clearFailures(keys: ThrottleKeys): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key: keysOf(keys)[0]!.key } });
}

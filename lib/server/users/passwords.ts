import "server-only";

import { hash, verify } from "@node-rs/bcrypt";

// Native bcrypt on libuv's thread pool: a burst of sign-ins waits for the pool, the event loop
// (and every other request) does not.
const COST = 11;
// Compared against when there is no hash (unknown email, no password yet), so that every failed
// sign-in costs about as long and says nothing about which part was wrong.
const DUMMY_HASH = "$2b$11$CwTycUXWue0Thq9StjUM0uJ8.5nAqZ8Bt0dD4eC3nJj8tW5yQ0Qy6";

export function hashPassword(password: string): Promise<string> {
  return hash(password, { cost: COST });
}

export async function verifyPassword(
  password: string,
  passwordHash: string | null | undefined,
): Promise<boolean> {
  const matches = await verify(password, passwordHash ?? DUMMY_HASH);
  return matches && Boolean(passwordHash);
}

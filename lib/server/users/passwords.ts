import "server-only";

import { hash, verify } from "@node-rs/bcrypt";
import { z } from "zod";

import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/domain/common-passwords";

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

/**
 * Hashes a password someone chose, refusing one from the list of commonly breached passwords as a
 * validation problem of `field` (400 VALIDATION_FAILED, shown beside the field in a form).
 */
export async function hashNewPassword(password: string, field: string): Promise<string> {
  if (isCommonPassword(password)) {
    throw new z.ZodError([{ code: "custom", path: [field], message: COMMON_PASSWORD_MESSAGE }]);
  }
  return hashPassword(password);
}

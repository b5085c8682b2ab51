import "server-only";

import bcrypt from "bcryptjs";

const COST = 11;
// Compared against when the email is unknown, so that a wrong email costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && hash !== undefined;
}

import "server-only";

import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { verifyPassword } from "./passwords";
import { sessionUserSelect } from "./session-user";

/** The active user with this email and password, or null (never says which of the two was wrong). */
export async function verifyCredentials(
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...sessionUserSelect, passwordHash: true, isActive: true },
  });
  const isValid = await verifyPassword(password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

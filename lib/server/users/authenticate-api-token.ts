import "server-only";

import { createHash } from "node:crypto";

import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { sessionUserSelect } from "./session-user";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The active owner of an unrevoked API token, or null. */
export async function authenticateApiToken(token: string): Promise<SessionUser | null> {
  const db = getDb();
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      user: { select: { ...sessionUserSelect, isActive: true } },
    },
  });
  if (!found || found.revokedAt || !found.user.isActive) return null;
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  const { isActive: _isActive, ...user } = found.user;
  return user;
}

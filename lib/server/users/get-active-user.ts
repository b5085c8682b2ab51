import "server-only";

import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

import { sessionUserSelect } from "./session-user";

/** The user behind a session, if they still exist and are active (roles may have changed since). */
export async function getActiveUser(id: string): Promise<SessionUser | null> {
  return getDb().user.findFirst({ where: { id, isActive: true }, select: sessionUserSelect });
}

import "server-only";

import { getDb } from "@/lib/server/db/client";

/** Releases a new patch can belong to: releases (not patches) that are not cancelled. */
export async function listParentCandidates() {
  return getDb().release.findMany({
    where: { type: "RELEASE", status: { not: "CANCELLED" } },
    select: { id: true, name: true, version: true },
    orderBy: [{ baselineGoLive: "desc" }, { name: "asc" }],
  });
}

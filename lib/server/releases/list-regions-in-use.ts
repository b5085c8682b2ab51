import "server-only";

import { getDb } from "@/lib/server/db/client";

/** The holiday regions releases use, for region filters. */
export async function listRegionsInUse(): Promise<string[]> {
  const rows = await getDb().release.findMany({
    distinct: ["region"],
    select: { region: true },
    orderBy: { region: "asc" },
  });
  return rows.map((row) => row.region);
}

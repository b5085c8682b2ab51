import "server-only";

import { getDb } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/releases/mutate-release";
import type { DeploymentDto } from "@/lib/types/deployment";

import { deploymentSelect, toDeploymentDto } from "./deployment-dto";

/** A release's deployments, oldest first (by when they happened, then as received). */
export async function listDeployments(releaseId: string): Promise<DeploymentDto[]> {
  const db = getDb();
  const release = await db.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw notFound();
  const rows = await db.deployment.findMany({
    where: { releaseId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: deploymentSelect,
  });
  return rows.map(toDeploymentDto);
}

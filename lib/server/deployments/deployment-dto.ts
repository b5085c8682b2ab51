import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { DeploymentDto, DeploymentSummary } from "@/lib/types/deployment";

export const deploymentSummarySelect = {
  id: true,
  status: true,
  version: true,
  digest: true,
  at: true,
  source: true,
  url: true,
  flags: true,
} satisfies Prisma.DeploymentSelect;

export const deploymentSelect = {
  ...deploymentSummarySelect,
  releaseId: true,
  environment: true,
  deliveryId: true,
  createdAt: true,
  reportedBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.DeploymentSelect;

type SummaryRow = Prisma.DeploymentGetPayload<{ select: typeof deploymentSummarySelect }>;
type DeploymentRow = Prisma.DeploymentGetPayload<{ select: typeof deploymentSelect }>;

export function toDeploymentSummary(row: SummaryRow): DeploymentSummary {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    digest: row.digest,
    at: row.at.toISOString(),
    source: row.source,
    url: row.url,
    flags: row.flags,
  };
}

export function toDeploymentDto(row: DeploymentRow): DeploymentDto {
  return {
    ...toDeploymentSummary(row),
    releaseId: row.releaseId,
    environment: row.environment,
    deliveryId: row.deliveryId,
    reportedBy: row.reportedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

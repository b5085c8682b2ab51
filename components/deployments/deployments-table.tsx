import { ExternalLink } from "lucide-react";

import type { DeploymentDto } from "@/lib/types/deployment";

import { STAGE_COLOR } from "../releases/stage-style";
import { LocalTime } from "../ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

import { DeploymentFlagBadges, DeploymentStatusBadge, ShortDigest } from "./deployment-badges";

/** Every deployment reported for a release, newest first: where, which artifact, how it went. */
export function DeploymentsTable({ deployments }: { deployments: DeploymentDto[] }) {
  if (deployments.length === 0) {
    return (
      <p className="text-sm text-muted">
        No deployments reported yet. Pipelines and Argo CD report them to{" "}
        <code className="font-mono text-xs">POST /api/deployments</code> with a deploy token.
      </p>
    );
  }
  return (
    <Table aria-label="Deployments">
      <TableHeader>
        <tr>
          <TableHead>Environment</TableHead>
          <TableHead>Artifact</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>When</TableHead>
          <TableHead>Source</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {[...deployments].reverse().map((deployment) => (
          <TableRow key={deployment.id} data-testid="deployment-row">
            <TableCell>
              <span className="flex items-center gap-2 text-sm font-medium">
                <span
                  aria-hidden
                  className="size-2.5 rounded-full"
                  style={{ background: STAGE_COLOR[deployment.environment] }}
                />
                {deployment.environment}
              </span>
            </TableCell>
            <TableCell>
              <p className="font-mono text-xs text-fg">{deployment.version}</p>
              <ShortDigest digest={deployment.digest} />
            </TableCell>
            <TableCell>
              <span className="flex flex-wrap items-center gap-1.5">
                <DeploymentStatusBadge status={deployment.status} />
                <DeploymentFlagBadges flags={deployment.flags} />
              </span>
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              <LocalTime iso={deployment.at} />
            </TableCell>
            <TableCell className="text-sm">
              {deployment.url ? (
                <a
                  href={deployment.url}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-1 text-accent hover:underline"
                >
                  {deployment.source ?? "run"}
                  <ExternalLink aria-hidden className="size-3.5" />
                </a>
              ) : (
                <span className="text-muted">{deployment.source ?? "—"}</span>
              )}
              <p className="text-xs text-subtle">by {deployment.reportedBy.name}</p>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

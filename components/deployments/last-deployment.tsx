import type { DeploymentSummary } from "@/lib/types/deployment";

import { LocalTime } from "../ui/local-time";

import { DeploymentFlagBadges, DeploymentStatusBadge } from "./deployment-badges";

/** A stage's latest deployment as a `<dt>`/`<dd>` pair: which artifact, how it went, when, from where. */
export function LastDeployment({ deployment }: { deployment: DeploymentSummary }) {
  return (
    <div className="sm:col-span-2" data-testid="last-deployment">
      <dt className="inline text-muted">Deployed </dt>
      <dd className="inline-flex flex-wrap items-center gap-1.5 align-middle text-fg">
        <span className="font-mono text-xs">{deployment.version}</span>
        <DeploymentStatusBadge status={deployment.status} />
        <DeploymentFlagBadges flags={deployment.flags} />
        <LocalTime iso={deployment.at} className="text-xs text-muted" />
        {deployment.source && <span className="text-xs text-muted">via {deployment.source}</span>}
      </dd>
    </div>
  );
}

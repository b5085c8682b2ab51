import type { DeploymentFlag, DeploymentStatus } from "@/lib/domain/deployments";

import { Badge } from "../ui/badge";

const STATUS_TONE = { STARTED: "info", SUCCEEDED: "success", FAILED: "danger" } as const;
const STATUS_TEXT: Record<DeploymentStatus, string> = {
  STARTED: "Started",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
};

export const FLAG_TEXT: Record<DeploymentFlag, string> = {
  ARTIFACT_MISMATCH: "Artifact mismatch",
  OUT_OF_ORDER: "Out of order",
};

export function DeploymentStatusBadge({ status }: { status: DeploymentStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_TEXT[status]}</Badge>;
}

export function DeploymentFlagBadges({ flags }: { flags: readonly DeploymentFlag[] }) {
  return flags.map((flag) => (
    <Badge
      key={flag}
      tone={flag === "ARTIFACT_MISMATCH" ? "danger" : "warning"}
      data-testid="deployment-flag"
    >
      {FLAG_TEXT[flag]}
    </Badge>
  ));
}

/** `sha256:4f9a1c…` — enough of a digest to tell two builds apart at a glance. */
export function ShortDigest({ digest }: { digest: string | null }) {
  if (!digest) return null;
  const [algorithm, hex = ""] = digest.split(":");
  return (
    <span className="font-mono text-xs text-muted" title={digest}>
      {algorithm}:{hex.slice(0, 12)}…
    </span>
  );
}

import type { ReleaseDto } from "@/lib/types/release";

import { Alert } from "../ui/alert";

function short(digest: string | null): string {
  return digest ? `${digest.slice(0, 19)}…` : "no digest";
}

/**
 * The loud part: an environment running another build than the release's, or deployed before its
 * stage opened. Names each environment and the builds; the deployments table has the details.
 */
export function DeploymentWarning({ release }: { release: ReleaseDto }) {
  const latest = release.stages.flatMap((stage) =>
    stage.lastDeployment ? [{ key: stage.key, deployment: stage.lastDeployment }] : [],
  );
  const mismatched = latest.filter(({ deployment }) =>
    deployment.flags.includes("ARTIFACT_MISMATCH"),
  );
  const early = latest.filter(({ deployment }) => deployment.flags.includes("OUT_OF_ORDER"));
  if (mismatched.length === 0 && early.length === 0) return null;
  return (
    <Alert
      tone={mismatched.length > 0 ? "danger" : "warning"}
      role="alert"
      data-testid="deployment-warning"
    >
      {mismatched.map(({ key, deployment }) => (
        <p key={key}>
          <strong>Artifact mismatch in {key}:</strong> it runs {deployment.version} (
          <span className="font-mono text-xs">{short(deployment.digest)}</span>), but the release is{" "}
          {release.version} (<span className="font-mono text-xs">{short(release.digest)}</span>
          ). The same build must move through every stage.
        </p>
      ))}
      {early.length > 0 && (
        <p>
          <strong>Out of order:</strong> {early.map(({ key }) => key).join(", ")}{" "}
          {early.length === 1 ? "was" : "were"} deployed before{" "}
          {early.length === 1 ? "its stage" : "their stages"} opened.
        </p>
      )}
    </Alert>
  );
}

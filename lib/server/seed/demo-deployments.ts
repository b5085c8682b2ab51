import "server-only";

// The demo's deployments: each stage that opened got the release's build from its pipeline on its
// first morning (a failed first attempt here and there), flagged by the same rules as a report to
// POST /api/deployments. One release shows an artifact mismatch: another build reached PREPROD.
import { createHash, randomUUID } from "node:crypto";

import type { DemoUserKey } from "@/lib/demo-users";
import type { IsoDate } from "@/lib/domain/dates";
import {
  type DeploymentFlag,
  deploymentFlags,
  type DeploymentStatus,
} from "@/lib/domain/deployments";
import type { ReleaseState } from "@/lib/domain/signoff";
import type { StageKey } from "@/lib/domain/stages";

export type DemoDeploymentSpec = {
  /** A stage whose first deployment failed and was retried an hour later. */
  retryIn?: StageKey;
  /** A stage that got another build of the same tag (a different digest). */
  mismatchIn?: StageKey;
};

export type DemoDeployment = {
  id: string;
  environment: StageKey;
  status: DeploymentStatus;
  version: string;
  digest: string;
  at: Date;
  source: string;
  url: string;
  flags: DeploymentFlag[];
  by: DemoUserKey;
};

/** A stable, realistic digest for a demo build: the SHA-256 of its tag (and a build number). */
export function demoDigest(version: string, build = 1): string {
  return `sha256:${createHash("sha256").update(`${version}#${build}`).digest("hex")}`;
}

/** Which pipeline deploys a product's builds, and where its runs are linked. */
function pipelineOf(product: string, environment: StageKey): { source: string; url: string } {
  const env = environment.toLowerCase();
  if (product.startsWith("portal")) {
    return {
      source: "github-actions",
      url: `https://github.example.com/acme/${product}/actions/runs/deploy-${env}`,
    };
  }
  if (product.startsWith("mobile")) {
    return {
      source: "gitlab-ci",
      url: `https://gitlab.example.com/acme/${product}/-/pipelines?ref=deploy-${env}`,
    };
  }
  return { source: "argocd", url: `https://argocd.example.com/applications/${product}-${env}` };
}

/** The deployments of one release's story, oldest first. */
export function demoDeployments(
  release: { product: string; version: string; digest: string; creator: DemoUserKey },
  state: ReleaseState,
  spec: DemoDeploymentSpec,
  at: (date: IsoDate, minutes: number) => Date,
  now = new Date(),
): DemoDeployment[] {
  const deployments: DemoDeployment[] = [];
  const report = (
    environment: StageKey,
    status: DeploymentStatus,
    digest: string,
    moment: Date,
  ) => {
    const flags = deploymentFlags(
      { version: release.version, digest: release.digest, stages: state.stages },
      { environment, status, version: release.version, digest },
    );
    deployments.push({
      id: randomUUID(),
      environment,
      status,
      version: release.version,
      digest,
      at: moment,
      flags,
      by: release.creator,
      ...pipelineOf(release.product, environment),
    });
  };
  for (const stage of state.stages) {
    if (!stage.actualStart) continue;
    // On the stage's first day, after the sign-offs that opened it; not yet if that is still ahead.
    const first = at(stage.actualStart, 150);
    if (first > now) continue;
    if (spec.retryIn === stage.key) {
      report(stage.key, "FAILED", release.digest, first);
      report(stage.key, "SUCCEEDED", release.digest, new Date(first.getTime() + 3_600_000));
    } else {
      report(stage.key, "SUCCEEDED", release.digest, first);
    }
    if (spec.mismatchIn === stage.key) {
      // Someone rebuilt the tag and the pipeline rolled the new build out two hours later.
      report(
        stage.key,
        "SUCCEEDED",
        demoDigest(release.version, 2),
        new Date(first.getTime() + 2 * 3_600_000),
      );
    }
  }
  return deployments;
}

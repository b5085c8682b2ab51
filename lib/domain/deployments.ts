// Deployments reported by pipelines and GitOps controllers: evidence of what runs where, never an
// approval. The same build must move through every stage, so a deployment of another artifact is
// flagged (ARTIFACT_MISMATCH), and so is one to an environment whose stage has not opened yet
// (OUT_OF_ORDER). A flagged deployment is still recorded: the record is the evidence.
import { STAGE_KEYS, type StageKey, type StageStatus } from "./stages";

export const DEPLOYMENT_STATUSES = ["STARTED", "SUCCEEDED", "FAILED"] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const DEPLOYMENT_FLAGS = ["ARTIFACT_MISMATCH", "OUT_OF_ORDER"] as const;
export type DeploymentFlag = (typeof DEPLOYMENT_FLAGS)[number];

export type DeploymentReport = {
  environment: StageKey;
  status: DeploymentStatus;
  version: string;
  digest?: string | null;
};

export type DeployedRelease = {
  version: string;
  digest: string | null;
  /** The release's stages in process order. */
  stages: readonly { key: StageKey; status: StageStatus }[];
};

/** A stage is open for deployments once every stage before it is signed off (DEV always is). */
export function isOpenForDeployment(
  stages: DeployedRelease["stages"],
  environment: StageKey,
): boolean {
  const index = STAGE_KEYS.indexOf(environment);
  return stages
    .filter((stage) => STAGE_KEYS.indexOf(stage.key) < index)
    .every((stage) => stage.status === "SIGNED_OFF");
}

/** Digests compare without regard to case (`sha256:ABC…` and `sha256:abc…` are one artifact). */
export function sameDigest(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * What is wrong with a deployment of `release`: another artifact than the release's (a different
 * digest, or a different tag when the reporter named the release by id), or an environment whose
 * stage is not open yet (a stage before it is not signed off). A stage already signed off may be
 * deployed to again (a redeploy).
 */
export function deploymentFlags(
  release: DeployedRelease,
  report: DeploymentReport,
): DeploymentFlag[] {
  const flags: DeploymentFlag[] = [];
  const otherDigest =
    release.digest !== null && report.digest != null && !sameDigest(release.digest, report.digest);
  if (otherDigest || report.version !== release.version) flags.push("ARTIFACT_MISMATCH");
  if (!isOpenForDeployment(release.stages, report.environment)) flags.push("OUT_OF_ORDER");
  return flags;
}

/** The first successful deployment of the release's own artifact teaches it its missing digest. */
export function learnedDigest(
  release: Pick<DeployedRelease, "digest" | "version">,
  report: DeploymentReport,
  flags: readonly DeploymentFlag[],
): string | null {
  if (release.digest !== null || !report.digest) return null;
  if (report.status !== "SUCCEEDED" || flags.includes("ARTIFACT_MISMATCH")) return null;
  return report.digest.trim();
}

/** Whether a deployment at `at` replaces `current` as the environment's latest. */
export function isLatest(at: Date, current: { at: Date } | null): boolean {
  return current === null || at.getTime() >= current.at.getTime();
}

/** One sentence per flag, for the release page, the audit and the API's message. */
export function describeFlag(
  flag: DeploymentFlag,
  release: Pick<DeployedRelease, "version" | "digest">,
  report: DeploymentReport,
): string {
  if (flag === "OUT_OF_ORDER") {
    return `${report.environment} was deployed before its stage opened.`;
  }
  if (report.version !== release.version) {
    return `${report.environment} got ${report.version}, not the release's ${release.version}.`;
  }
  return `${report.environment} got digest ${report.digest ?? "?"}, not the release's ${release.digest ?? "?"}: another build of ${release.version}.`;
}

// Promotion through Git: after a stage is signed off, the release's artifact (its tag, its digest
// or its whole version) is written into the next environment's file, one commit naming the release
// and the people who approved it. Pure: which environment, which values, which message.
import { STAGE_KEYS, type StageKey } from "./stages";

/** What a key is set to: the tag of the release's version, its digest, or the whole version. */
export const PROMOTION_VALUES = ["TAG", "DIGEST", "VERSION"] as const;
export type PromotionValue = (typeof PROMOTION_VALUES)[number];

/** How a promotion stands, in words. */
export const PROMOTION_STATE_WORDS = {
  WAITING: "waiting to be written",
  PUSHED: "pushed",
  UNCHANGED: "already in place",
  FAILED: "failed",
  DEPLOYED: "deployed",
} as const;

export type PromotedRelease = { id: string; name: string; version: string; digest: string | null };
export type Approver = { name: string; email: string };

/** The environment a stage's sign-off opens (none after PROD: the release is live). */
export function nextEnvironment(signedOff: StageKey): StageKey | null {
  return STAGE_KEYS[STAGE_KEYS.indexOf(signedOff) + 1] ?? null;
}

/** The stage whose sign-off lets a release into an environment (none before DEV). */
export function stageBefore(environment: StageKey): StageKey | null {
  return STAGE_KEYS[STAGE_KEYS.indexOf(environment) - 1] ?? null;
}

/** `registry.example.com:5000/payments-api:3.4.0` → `3.4.0`; a version without a tag is its own tag. */
export function tagOf(version: string): string {
  const lastSlash = version.lastIndexOf("/");
  const colon = version.indexOf(":", lastSlash + 1);
  return colon === -1 ? version : version.slice(colon + 1);
}

/** The value a key takes for the release, or why it has none. */
export function valueFor(
  kind: PromotionValue,
  release: PromotedRelease,
): { value: string } | { problem: string } {
  if (kind === "TAG") return { value: tagOf(release.version) };
  if (kind === "VERSION") return { value: release.version };
  return release.digest
    ? { value: release.digest }
    : { problem: `${release.name} has no digest yet: give it one, or set the tag instead.` };
}

/** One commit per promotion: what moved where, who approved it, and trailers tools can read. */
export function commitMessage(
  release: PromotedRelease,
  environment: StageKey,
  approvers: readonly Approver[],
): string {
  const lines = [`Promote ${release.name} (${release.version}) to ${environment}`, ""];
  if (approvers.length > 0) {
    lines.push(`Approved by ${approvers.map((person) => person.name).join(", ")}.`, "");
  }
  lines.push(`Release-Id: ${release.id}`);
  for (const person of approvers) lines.push(`Approved-by: ${person.name} <${person.email}>`);
  return `${lines.join("\n")}\n`;
}

/** A link to the commit on the forges that have a known address for one; null elsewhere. */
export function commitUrlOf(repository: string, commit: string): string | null {
  let url: URL;
  try {
    url = new URL(repository);
  } catch {
    return null;
  }
  const base = `${url.origin}${url.pathname.replace(/\.git$/, "").replace(/\/$/, "")}`;
  if (url.hostname === "github.com") return `${base}/commit/${commit}`;
  if (url.hostname === "gitlab.com" || url.hostname.startsWith("gitlab.")) {
    return `${base}/-/commit/${commit}`;
  }
  if (url.hostname === "bitbucket.org") return `${base}/commits/${commit}`;
  return null;
}

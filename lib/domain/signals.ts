// Signals during observation: what the monitoring saw while a release was watched in production.
// An alert names its product and environment by labels (which ones, per product, is the product's
// matching); it belongs to the product's releases whose observation window (or rollout) ran in
// production on the company day it started. Signals inform the outcome, they never decide it.
import type { IsoDate } from "./dates";
import { isStageKey, type StageKey } from "./stages";

export const SIGNAL_SEVERITIES = ["critical", "warning", "info"] as const;
export type SignalSeverity = (typeof SIGNAL_SEVERITIES)[number];

/** More alerts than this in one call is a 413 (Alertmanager groups; a flood is a misconfiguration). */
export const MAX_ALERTS_PER_CALL = 1000;
/** Unmatched signals are kept this long, for an administrator to fix a mapping. */
export const UNMATCHED_RETENTION_DAYS = 90;

export type SignalMatching = {
  /** Labels whose value names the product (its key). */
  productLabels: string[];
  /** Labels whose value names the environment. */
  environmentLabels: string[];
  /** Label values (lower case) and the environment each means; a stage key names itself. */
  environmentValues: Record<string, StageKey>;
  /** The severities (label `severity`) that count. */
  severities: string[];
};

export const DEFAULT_SIGNAL_MATCHING: SignalMatching = {
  productLabels: ["product", "service", "app"],
  environmentLabels: ["env", "environment"],
  environmentValues: {
    prod: "PROD",
    production: "PROD",
    live: "PROD",
    preprod: "PREPROD",
    "pre-production": "PREPROD",
    staging: "PREPROD",
    int: "INT",
    integration: "INT",
    last: "LAST",
    load: "LAST",
    loadtest: "LAST",
    test: "TEST",
    qa: "TEST",
    dev: "DEV",
    development: "DEV",
  },
  severities: ["critical", "warning"],
};

/** Why a signal belongs to no release. */
export type UnmatchedReason =
  | "UNKNOWN_PRODUCT"
  | "UNKNOWN_ENVIRONMENT"
  | "SEVERITY_NOT_COUNTED"
  | "NOT_PRODUCTION"
  | "NO_RELEASE_OBSERVED";

export const UNMATCHED_REASON_TEXT: Record<UnmatchedReason, string> = {
  UNKNOWN_PRODUCT: "No label names a product",
  UNKNOWN_ENVIRONMENT: "No label names an environment",
  SEVERITY_NOT_COUNTED: "Its severity does not count",
  NOT_PRODUCTION: "Not in production",
  NO_RELEASE_OBSERVED: "No release was under observation then",
};

export type ProductMatching = { id: string; key: string; matching: SignalMatching };

export type AlertReading = {
  product: ProductMatching | null;
  environment: StageKey | null;
  severity: string;
  /** Why it cannot belong to a release, before any release is looked at. */
  reason: Exclude<UnmatchedReason, "NO_RELEASE_OBSERVED"> | null;
};

const lower = (value: string | undefined) => value?.trim().toLowerCase() ?? "";

/** The product an alert's labels name: the first product one of whose labels carries its key. */
function productOf(
  labels: Record<string, string>,
  products: readonly ProductMatching[],
): ProductMatching | null {
  for (const product of products) {
    const key = product.key.toLowerCase();
    if (product.matching.productLabels.some((label) => lower(labels[label]) === key))
      return product;
  }
  return null;
}

/** The environment an alert's labels name, by the product's mapping. */
export function environmentOf(
  labels: Record<string, string>,
  matching: SignalMatching,
): StageKey | null {
  for (const label of matching.environmentLabels) {
    const value = lower(labels[label]);
    if (!value) continue;
    const mapped = matching.environmentValues[value] ?? value.toUpperCase();
    if (isStageKey(mapped)) return mapped;
  }
  return null;
}

/**
 * What an alert's labels say: its product, environment and severity, and whether it can count at
 * all. Unknown labels are never an error; a product's own matching decides its environment and
 * severities (the defaults where it has none).
 */
export function readAlert(
  labels: Record<string, string>,
  products: readonly ProductMatching[],
  explicit: { severity?: string; product?: string; environment?: StageKey } = {},
): AlertReading {
  const product = explicit.product
    ? (products.find((candidate) => candidate.key === explicit.product) ?? null)
    : productOf(labels, products);
  const matching = product?.matching ?? DEFAULT_SIGNAL_MATCHING;
  const environment = explicit.environment ?? environmentOf(labels, matching);
  const severity = lower(explicit.severity ?? labels.severity) || "none";
  const reason = !product
    ? "UNKNOWN_PRODUCT"
    : !environment
      ? "UNKNOWN_ENVIRONMENT"
      : !matching.severities.includes(severity)
        ? "SEVERITY_NOT_COUNTED"
        : environment !== "PROD"
          ? "NOT_PRODUCTION"
          : null;
  return { product, environment, severity, reason };
}

/** A live release's time in production that signals belong to: observation and rollout. */
export type ObservedRelease = {
  id: string;
  liveOn: IsoDate;
  observationEnd: IsoDate;
  /** The last rollout step's day, when a rollout runs past the observation window. */
  rolloutEnd: IsoDate | null;
};

/** The releases whose observation window (or rollout) ran on the day the alert started. */
export function releasesObservedOn(day: IsoDate, releases: readonly ObservedRelease[]): string[] {
  return releases
    .filter((release) => {
      const end =
        release.rolloutEnd && release.rolloutEnd > release.observationEnd
          ? release.rolloutEnd
          : release.observationEnd;
      return release.liveOn <= day && day <= end;
    })
    .map((release) => release.id);
}

export type SignalCounts = { critical: number; warning: number; firing: number };

/**
 * What the outcome dialog suggests (never decides): critical alerts point at rolling back or
 * forward, warnings at a closer look, silence at keeping.
 */
export function outcomeSuggestion(counts: SignalCounts): {
  suggests: "KEEP" | "ROLL_BACK_OR_FORWARD" | "LOOK_CLOSER";
  text: string;
} {
  const plural = (count: number, word: string) => `${count} ${word} alert${count === 1 ? "" : "s"}`;
  if (counts.critical > 0) {
    return {
      suggests: "ROLL_BACK_OR_FORWARD",
      text: `${plural(counts.critical, "critical")} fired during observation${counts.firing > 0 ? ` (${counts.firing} still firing)` : ""}.`,
    };
  }
  if (counts.warning > 0) {
    return {
      suggests: "LOOK_CLOSER",
      text: `${plural(counts.warning, "warning")} fired during observation, no critical one.`,
    };
  }
  return { suggests: "KEEP", text: "No alert fired during observation." };
}

/**
 * When an alert ended: a resolved one at its `endsAt` (or now, when the source gave none); a firing
 * one has not ended, whatever `endsAt` says (Alertmanager writes "0001-01-01T00:00:00Z" or the time
 * it would resolve it by itself).
 */
export function endOfAlert(
  status: "firing" | "resolved",
  endsAt: string | undefined,
  now: Date,
): Date | null {
  if (status === "firing") return null;
  const end = endsAt && !endsAt.startsWith("0001-") ? new Date(endsAt) : now;
  return Number.isNaN(end.getTime()) ? now : end;
}

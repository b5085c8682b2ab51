// The gate: may this version go to this environment now? Only if its release is under way (not
// cancelled, not on hold), every stage before the environment's is signed off, the digest is the
// release's, and the windows allow it (deployment-windows.ts). A release already live may always
// go back to PROD: a roll-back to a known version never waits for a window. An approved exception
// lifts the windows for its release, environment and time; stage order and the digest never.
import type { WindowReason, WindowVerdict } from "./deployment-windows";
import { isOpenForDeployment, sameDigest } from "./deployments";
import { type ReleaseStatus, STAGE_NAMES, type StageKey, type StageStatus } from "./stages";

export const GATE_REASON_CODES = [
  "UNKNOWN_VERSION",
  "NOT_UNDER_WAY",
  "STAGE_NOT_OPEN",
  "DIGEST_MISMATCH",
  "DENY_WINDOW",
  "OUTSIDE_ALLOW_WINDOW",
  "FREEZE",
] as const;
export type GateReasonCode = (typeof GATE_REASON_CODES)[number];
export type GateReason = { code: GateReasonCode; message: string };

/** Reasons only windows give: an exception lifts them, and they may open on their own. */
export const WINDOW_REASON_CODES: readonly GateReasonCode[] = [
  "DENY_WINDOW",
  "OUTSIDE_ALLOW_WINDOW",
  "FREEZE",
];

export type GateRelease = {
  name: string;
  version: string;
  digest: string | null;
  status: ReleaseStatus;
  stages: readonly { key: StageKey; status: StageStatus }[];
};

export type GateQuestion = {
  environment: StageKey;
  /** The version asked about (absent when the release was named by id). */
  version?: string | null;
  digest?: string | null;
};

export type GateDecision = {
  open: boolean;
  reasons: GateReason[];
  until: number | null;
  nextOpen: number | null;
  /** Whether the windows were asked at all (not for a roll-back of a live release to PROD). */
  windowsApply: boolean;
};

/** Whether windows speak for this deployment: never for a live release going back to PROD. */
export function windowsApplyTo(release: GateRelease | null, environment: StageKey): boolean {
  return !(release?.status === "LIVE" && environment === "PROD");
}

/** The reasons that have nothing to do with time: the release, its stages, its artifact. */
export function releaseReasons(release: GateRelease | null, question: GateQuestion): GateReason[] {
  if (!release) {
    return [
      {
        code: "UNKNOWN_VERSION",
        message: `No release ships version ${question.version ?? "(none given)"}.`,
      },
    ];
  }
  const reasons: GateReason[] = [];
  if (release.status === "CANCELLED" || release.status === "ON_HOLD") {
    reasons.push({
      code: "NOT_UNDER_WAY",
      message: `${release.name} is ${release.status === "CANCELLED" ? "cancelled" : "on hold"}.`,
    });
  }
  if (!isOpenForDeployment(release.stages, question.environment)) {
    reasons.push({
      code: "STAGE_NOT_OPEN",
      message: `${STAGE_NAMES[question.environment]} of ${release.name} has not opened: the stages before it are not all signed off.`,
    });
  }
  if (question.digest && release.digest && !sameDigest(question.digest, release.digest)) {
    reasons.push({
      code: "DIGEST_MISMATCH",
      message: `${question.digest.trim()} is not the artifact of ${release.name} (${release.digest}).`,
    });
  }
  return reasons;
}

/** The whole answer from the release's reasons and what the windows say (null: not asked). */
export function decideGate(
  release: GateRelease | null,
  question: GateQuestion,
  windows: WindowVerdict | null,
): GateDecision {
  const reasons: GateReason[] = [...releaseReasons(release, question)];
  const windowReasons: WindowReason[] = windows?.reasons ?? [];
  reasons.push(...windowReasons);
  const open = reasons.length === 0;
  const onlyWindows = reasons.every((reason) => WINDOW_REASON_CODES.includes(reason.code));
  return {
    open,
    reasons,
    until: open ? (windows?.until ?? null) : null,
    // Windows open on their own; a release that is on hold or a stage not signed off do not.
    nextOpen: !open && onlyWindows ? (windows?.nextOpen ?? null) : null,
    windowsApply: windows !== null,
  };
}

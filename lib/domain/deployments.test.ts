import { describe, expect, it } from "vitest";

import { deploymentFlags, describeFlag, isLatest, learnedDigest } from "./deployments";
import type { StageKey, StageStatus } from "./stages";

/** The release's stages: the first `signedOff` signed off, the next active, the rest pending. */
function stagesWith(signedOff: number) {
  const keys: StageKey[] = ["DEV", "TEST", "LAST", "INT", "PREPROD", "PROD"];
  return keys.map((key, index) => ({
    key,
    status: (index < signedOff
      ? "SIGNED_OFF"
      : index === signedOff
        ? "ACTIVE"
        : "PENDING") as StageStatus,
  }));
}

const release = { version: "payments-api:3.4.0", digest: "sha256:aaa", stages: stagesWith(1) };
const report = {
  environment: "TEST",
  status: "SUCCEEDED",
  version: "payments-api:3.4.0",
  digest: "sha256:aaa",
} as const;

describe("deployment flags", () => {
  it("none for the release's own build in an open stage, whatever the digest's case", () => {
    expect(deploymentFlags(release, report)).toEqual([]);
    expect(deploymentFlags(release, { ...report, digest: "SHA256:AAA" })).toEqual([]);
    expect(deploymentFlags({ ...release, stages: stagesWith(3) }, report)).toEqual([]);
    expect(
      deploymentFlags({ ...release, stages: stagesWith(0) }, { ...report, environment: "DEV" }),
    ).toEqual([]);
  });

  it("another digest, or another tag, is an artifact mismatch", () => {
    expect(deploymentFlags(release, { ...report, digest: "sha256:bbb" })).toEqual([
      "ARTIFACT_MISMATCH",
    ]);
    expect(deploymentFlags(release, { ...report, version: "payments-api:3.4.1" })).toEqual([
      "ARTIFACT_MISMATCH",
    ]);
  });

  it("no digest on either side cannot mismatch by digest", () => {
    expect(deploymentFlags({ ...release, digest: null }, report)).toEqual([]);
    expect(deploymentFlags(release, { ...report, digest: null })).toEqual([]);
  });

  it("an environment whose stage has not opened is out of order; both flags can hold", () => {
    const pending = { ...release, stages: stagesWith(0) };
    expect(deploymentFlags(pending, report)).toEqual(["OUT_OF_ORDER"]);
    expect(deploymentFlags(pending, { ...report, digest: "sha256:bbb" })).toEqual([
      "ARTIFACT_MISMATCH",
      "OUT_OF_ORDER",
    ]);
  });

  it("says what is wrong in words", () => {
    expect(describeFlag("OUT_OF_ORDER", release, report)).toBe(
      "TEST was deployed before its stage opened.",
    );
    expect(describeFlag("ARTIFACT_MISMATCH", release, { ...report, digest: "sha256:bbb" })).toMatch(
      /digest sha256:bbb, not the release's sha256:aaa/,
    );
  });
});

describe("digest learning", () => {
  const unknown = { version: release.version, digest: null };

  it("the first successful deployment of the release's tag sets the missing digest", () => {
    expect(learnedDigest(unknown, report, [])).toBe("sha256:aaa");
  });

  it("not from a start, a failure, another tag, or when the digest is known", () => {
    expect(learnedDigest(unknown, { ...report, status: "STARTED" }, [])).toBeNull();
    expect(learnedDigest(unknown, { ...report, status: "FAILED" }, [])).toBeNull();
    expect(learnedDigest(unknown, report, ["ARTIFACT_MISMATCH"])).toBeNull();
    expect(learnedDigest(release, report, [])).toBeNull();
    expect(learnedDigest(unknown, { ...report, digest: null }, [])).toBeNull();
  });
});

describe("latest deployment", () => {
  it("a later (or equal) time replaces the environment's latest; an older report does not", () => {
    const current = { at: new Date("2027-03-02T10:00:00Z") };
    expect(isLatest(new Date("2027-03-02T11:00:00Z"), current)).toBe(true);
    expect(isLatest(new Date("2027-03-02T10:00:00Z"), current)).toBe(true);
    expect(isLatest(new Date("2027-03-01T10:00:00Z"), current)).toBe(false);
    expect(isLatest(new Date("2027-03-01T10:00:00Z"), null)).toBe(true);
  });
});

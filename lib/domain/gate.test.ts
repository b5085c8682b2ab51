import { describe, expect, it } from "vitest";

import { decideGate, type GateRelease, windowsApplyTo } from "./gate";
import { STAGE_KEYS, type StageStatus } from "./stages";

/** A release whose first `signedOff` stages are signed off. */
function release(signedOff: number, overrides: Partial<GateRelease> = {}): GateRelease {
  return {
    name: "Payments 3.4.0",
    version: "payments:3.4.0",
    digest: "sha256:abc",
    status: "IN_PROGRESS",
    stages: STAGE_KEYS.map((key, index) => ({
      key,
      status: (index < signedOff
        ? "SIGNED_OFF"
        : index === signedOff
          ? "ACTIVE"
          : "PENDING") as StageStatus,
    })),
    ...overrides,
  };
}

const OPEN_WINDOWS = { reasons: [], until: 1_000, nextOpen: null };
const DENIED = {
  reasons: [{ code: "DENY_WINDOW" as const, message: "The deny window 'Weekend' runs until …" }],
  until: null,
  nextOpen: 2_000,
};

describe("the gate", () => {
  it("opens for a release under way whose stage has opened, with the windows' until", () => {
    const decision = decideGate(release(4), { environment: "PREPROD" }, OPEN_WINDOWS);
    expect(decision).toMatchObject({ open: true, reasons: [], until: 1_000, nextOpen: null });
  });

  it("names every reason that closes it", () => {
    const held = release(2, { status: "ON_HOLD" });
    const decision = decideGate(held, { environment: "PROD", digest: "sha256:other" }, DENIED);
    expect(decision.open).toBe(false);
    expect(decision.reasons.map((reason) => reason.code)).toEqual([
      "NOT_UNDER_WAY",
      "STAGE_NOT_OPEN",
      "DIGEST_MISMATCH",
      "DENY_WINDOW",
    ]);
    // Windows open on their own; a hold does not: no nextOpen to wait for.
    expect(decision.nextOpen).toBeNull();
  });

  it("says when windows alone close it, and when they open it", () => {
    const decision = decideGate(release(5), { environment: "PROD" }, DENIED);
    expect(decision).toMatchObject({ open: false, nextOpen: 2_000, until: null });
  });

  it("closes for a version no release ships", () => {
    const decision = decideGate(null, { environment: "DEV", version: "nope:1" }, null);
    expect(decision.reasons).toEqual([
      { code: "UNKNOWN_VERSION", message: "No release ships version nope:1." },
    ]);
  });

  it("compares digests without regard to case, and ignores a digest the release does not know", () => {
    expect(decideGate(release(0), { environment: "DEV", digest: "SHA256:ABC" }, null).open).toBe(
      true,
    );
    expect(
      decideGate(release(0, { digest: null }), { environment: "DEV", digest: "sha256:x" }, null)
        .open,
    ).toBe(true);
  });

  it("lets a live release go back to PROD whatever the windows say, but not elsewhere", () => {
    const live = release(6, { status: "LIVE" });
    expect(windowsApplyTo(live, "PROD")).toBe(false);
    expect(windowsApplyTo(live, "PREPROD")).toBe(true);
    expect(windowsApplyTo(release(5), "PROD")).toBe(true);
    expect(decideGate(live, { environment: "PROD" }, null)).toMatchObject({
      open: true,
      windowsApply: false,
    });
    // The digest still decides: a roll-back is to the release's own artifact.
    expect(decideGate(live, { environment: "PROD", digest: "sha256:zzz" }, null).open).toBe(false);
  });

  it("does not let a cancelled release through", () => {
    const decision = decideGate(release(3, { status: "CANCELLED" }), { environment: "DEV" }, null);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(["NOT_UNDER_WAY"]);
  });
});

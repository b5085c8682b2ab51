import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import {
  delegationProblem,
  type DelegationState,
  delegatorsOf,
  isRunning,
  type NewDelegation,
} from "./delegation";

const today = "2027-03-10";
const quinn = { id: "qa-1", role: "QA" as const };
const kim = { id: "qa-2", role: "QA" as const, isActive: true, name: "Kim" };

function delegation(overrides: Partial<DelegationState> = {}): DelegationState {
  return {
    id: "d-1",
    delegatorId: quinn.id,
    deputyId: kim.id,
    from: "2027-03-08",
    to: "2027-03-12",
    ended: false,
    ...overrides,
  };
}

function problem(overrides: Partial<NewDelegation> = {}): string | undefined {
  const input: NewDelegation = {
    delegator: quinn,
    deputy: kim,
    from: "2027-03-15",
    to: "2027-03-19",
    days: 5,
    existing: [],
    today,
    ...overrides,
  };
  const error = delegationProblem(input);
  if (error) expect(error).toBeInstanceOf(AppError);
  return error && `${error.kind}:${error.code}`;
}

describe("a running delegation", () => {
  it("runs from its first to its last day, both included, in company days", () => {
    expect(isRunning(delegation(), "2027-03-07")).toBe(false);
    expect(isRunning(delegation(), "2027-03-08")).toBe(true);
    expect(isRunning(delegation(), "2027-03-12")).toBe(true);
    expect(isRunning(delegation(), "2027-03-13")).toBe(false);
  });

  it("stops counting once ended early", () => {
    expect(isRunning(delegation({ ended: true }), today)).toBe(false);
  });

  it("names the people a deputy stands in for today, directly only (no chains)", () => {
    const chain = [
      delegation(),
      // Kim is away too and names the release manager: that gives the release manager Kim, not Quinn.
      delegation({ id: "d-2", delegatorId: kim.id, deputyId: "rm-1" }),
      delegation({ id: "d-3", delegatorId: "qa-3", from: "2027-04-01", to: "2027-04-05" }),
    ];
    expect(delegatorsOf(chain, kim.id, today)).toEqual([quinn.id]);
    expect(delegatorsOf(chain, "rm-1", today)).toEqual([kim.id]);
  });
});

describe("naming a deputy", () => {
  it("accepts a colleague for a range that has not ended", () => {
    expect(problem()).toBeUndefined();
    // Started yesterday but still running: fine (set up late).
    expect(problem({ from: "2027-03-09", to: "2027-03-11" })).toBeUndefined();
  });

  it("refuses oneself, an inactive deputy, a viewer, and a viewer delegating", () => {
    expect(problem({ deputy: { ...kim, id: quinn.id } })).toBe("UNPROCESSABLE:DEPUTY_IS_SELF");
    expect(problem({ deputy: { ...kim, isActive: false } })).toBe(
      "UNPROCESSABLE:DEPUTY_NOT_ACTIVE",
    );
    expect(problem({ deputy: { ...kim, role: "VIEWER" } })).toBe("UNPROCESSABLE:ROLE_NOT_ALLOWED");
    expect(problem({ delegator: { id: "v", role: "VIEWER" } })).toBe("FORBIDDEN:FORBIDDEN");
  });

  it("refuses an end before the start, a range already over, and one longer than a year", () => {
    expect(problem({ from: "2027-03-19", to: "2027-03-15" })).toBe(
      "UNPROCESSABLE:END_BEFORE_START",
    );
    expect(problem({ from: "2027-03-01", to: "2027-03-09" })).toBe("UNPROCESSABLE:END_IN_PAST");
    expect(problem({ to: "2028-06-01", days: 445 })).toBe("UNPROCESSABLE:DATE_OUT_OF_RANGE");
  });

  it("refuses a range overlapping another of one's delegations, unless that one was ended", () => {
    const existing = [delegation({ from: "2027-03-18", to: "2027-03-25" })];
    expect(problem({ existing })).toBe("UNPROCESSABLE:DELEGATION_OVERLAP");
    expect(problem({ existing: [{ ...existing[0]!, ended: true }] })).toBeUndefined();
    // Touching ranges do not overlap.
    expect(problem({ existing, to: "2027-03-17", days: 3 })).toBeUndefined();
  });
});

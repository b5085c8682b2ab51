import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import {
  assertKeepsAnAdmin,
  failedSignInDelayMs,
  parseRoleMap,
  passwordProblem,
  roleFromClaim,
  removesLastAdmin,
  scopeGrants,
  tokenExpiry,
  tokenScopesFor,
} from "./people";

describe("passwordProblem", () => {
  it("wants 12 to 72 bytes, counted as bcrypt does", () => {
    expect(passwordProblem("eleven chrs")).toMatch(/at least 12/);
    expect(passwordProblem("twelve chars")).toBeUndefined();
    expect(passwordProblem("x".repeat(72))).toBeUndefined();
    expect(passwordProblem("x".repeat(73))).toMatch(/at most 72 bytes/);
    // 36 two-byte letters are 72 bytes; one more is too long though only 37 characters.
    expect(passwordProblem("ä".repeat(36))).toBeUndefined();
    expect(passwordProblem("ä".repeat(37))).toMatch(/at most 72 bytes/);
  });
});

describe("assertKeepsAnAdmin", () => {
  const admin = { role: "ADMIN" as const, isActive: true };
  const code = (run: () => void) => {
    try {
      run();
      return undefined;
    } catch (error) {
      return (error as AppError).code;
    }
  };

  it("refuses to demote or deactivate the last active admin", () => {
    expect(
      code(() => assertKeepsAnAdmin({ target: admin, change: { role: "QA" }, activeAdmins: 1 })),
    ).toBe("LAST_ADMIN");
    expect(
      code(() =>
        assertKeepsAnAdmin({ target: admin, change: { isActive: false }, activeAdmins: 1 }),
      ),
    ).toBe("LAST_ADMIN");
  });

  it("allows it while another admin remains, and any change that keeps them an admin", () => {
    expect(
      code(() => assertKeepsAnAdmin({ target: admin, change: { role: "QA" }, activeAdmins: 2 })),
    ).toBeUndefined();
    expect(
      code(() =>
        assertKeepsAnAdmin({
          target: admin,
          change: { role: "ADMIN", isActive: true },
          activeAdmins: 1,
        }),
      ),
    ).toBeUndefined();
    expect(
      code(() =>
        assertKeepsAnAdmin({
          target: { role: "QA", isActive: true },
          change: { isActive: false },
          activeAdmins: 1,
        }),
      ),
    ).toBeUndefined();
  });
});

describe("token scopes", () => {
  it("read reads, write also changes and reports deployments, deploy only reports deployments", () => {
    expect(scopeGrants("read", "read")).toBe(true);
    expect(scopeGrants("read", "write")).toBe(false);
    expect(scopeGrants("write", "read")).toBe(true);
    expect(scopeGrants("write", "write")).toBe(true);
    expect(scopeGrants("write", "deploy")).toBe(true);
    expect(scopeGrants("read", "deploy")).toBe(false);
    expect(scopeGrants("deploy", "read")).toBe(false);
    expect(scopeGrants("deploy", "deploy")).toBe(true);
  });

  it("lets a viewer create read tokens only", () => {
    expect(tokenScopesFor("VIEWER")).toEqual(["read"]);
    expect(tokenScopesFor("QA")).toEqual(["read", "write", "deploy"]);
  });
});

describe("single sign-on roles", () => {
  const map = parseRoleMap("rc-admins=ADMIN, rc-release-managers=RELEASE_MANAGER,rc-qa=QA");

  it("maps groups to the highest role, a viewer when none maps", () => {
    expect(roleFromClaim(["staff", "rc-qa"], map)).toBe("QA");
    expect(roleFromClaim(["rc-qa", "rc-admins"], map)).toBe("ADMIN");
    expect(roleFromClaim("rc-release-managers", map)).toBe("RELEASE_MANAGER");
    expect(roleFromClaim(["staff"], map)).toBe("VIEWER");
    expect(roleFromClaim(undefined, map)).toBe("VIEWER");
  });

  it("names a malformed entry", () => {
    expect(() => parseRoleMap("rc-admins=ADMIN,rc-ops=OPERATOR")).toThrow(/'rc-ops=OPERATOR'/);
    expect(() => parseRoleMap("just-a-group")).toThrow(/not group=ROLE/);
    expect(parseRoleMap("").size).toBe(0);
  });
});

describe("the last admin", () => {
  it("is not removed by a demotion or a deactivation, whoever asks", () => {
    const admin = { role: "ADMIN" as const, isActive: true };
    expect(removesLastAdmin({ target: admin, change: { role: "VIEWER" }, activeAdmins: 1 })).toBe(
      true,
    );
    expect(removesLastAdmin({ target: admin, change: { role: "VIEWER" }, activeAdmins: 2 })).toBe(
      false,
    );
    expect(removesLastAdmin({ target: admin, change: { role: "ADMIN" }, activeAdmins: 1 })).toBe(
      false,
    );
  });
});

describe("failed sign-ins", () => {
  it("are answered later and later, up to two seconds", () => {
    expect([1, 2, 3, 4, 5, 6, 30].map(failedSignInDelayMs)).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000,
    ]);
  });
});

describe("API token expiry", () => {
  const now = new Date("2027-03-15T10:00:00Z");

  it("defaults to the maximum lifetime: no token lives forever", () => {
    expect(tokenExpiry(null, now, 365).toISOString()).toBe("2028-03-14T10:00:00.000Z");
    expect(tokenExpiry(undefined, now, 30).toISOString()).toBe("2027-04-14T10:00:00.000Z");
  });

  it("takes a date in the future within the lifetime, and refuses others with a reason", () => {
    const soon = new Date("2027-06-01T00:00:00Z");
    expect(tokenExpiry(soon, now, 365)).toBe(soon);
    expect(() => tokenExpiry(new Date("2027-03-15T09:00:00Z"), now, 365)).toThrow(
      expect.objectContaining({ code: "END_IN_PAST" }),
    );
    // The last day of the lifetime, picked as a date (through its end), is still within it.
    const lastDay = new Date("2028-03-14T23:59:59.999Z");
    expect(tokenExpiry(lastDay, now, 365)).toBe(lastDay);
    expect(() => tokenExpiry(new Date("2028-03-15T00:00:00Z"), now, 365)).toThrow(
      expect.objectContaining({
        code: "EXPIRY_TOO_FAR",
        message: expect.stringContaining("2028-03-14"),
      }),
    );
  });
});

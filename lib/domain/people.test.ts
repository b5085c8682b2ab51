import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import {
  assertKeepsAnAdmin,
  parseRoleMap,
  passwordProblem,
  roleFromClaim,
  scopeGrants,
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

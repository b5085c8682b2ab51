import { describe, expect, it } from "vitest";

import {
  approversProblem,
  mayManageProduct,
  ownersProblem,
  PRODUCT_KEY_PATTERN,
  productKeyFrom,
} from "./products";
import { DEFAULT_STAGE_RULES } from "./stages";

const rita = { id: "rm-1", name: "Rita", role: "RELEASE_MANAGER" as const, isActive: true };
const quinn = { id: "qa-1", name: "Quinn", role: "QA" as const, isActive: true };

describe("product keys", () => {
  it("proposes a URL-safe key from a name", () => {
    expect(productKeyFrom("Payments API")).toBe("payments-api");
    expect(productKeyFrom("  Données & Rapports 2027 ")).toBe("donnees-rapports-2027");
    expect(PRODUCT_KEY_PATTERN.test(productKeyFrom("Ärger—Über Alles!"))).toBe(true);
    expect(productKeyFrom("x".repeat(80))).toHaveLength(64);
  });
});

describe("owners and named approvers", () => {
  it("are release managers (or admins) as owners, active ones only", () => {
    expect(ownersProblem([rita])).toBeUndefined();
    expect(ownersProblem([rita, quinn])?.code).toBe("ROLE_NOT_ALLOWED");
    expect(ownersProblem([{ ...rita, isActive: false }])?.message).toMatch(/deactivated/);
  });

  it("hold a role the stage allows", () => {
    expect(approversProblem("TEST", DEFAULT_STAGE_RULES.TEST, [quinn])).toBeUndefined();
    const problem = approversProblem("TEST", DEFAULT_STAGE_RULES.TEST, [quinn, rita]);
    expect(problem?.code).toBe("ROLE_NOT_ALLOWED");
    expect(problem?.details).toEqual({ userId: rita.id });
    expect(approversProblem("PREPROD", DEFAULT_STAGE_RULES.PREPROD, [quinn, rita])).toBeUndefined();
  });

  it("are named by admins and the product's owners only", () => {
    expect(mayManageProduct({ id: "a", role: "ADMIN" }, [])).toBe(true);
    expect(mayManageProduct(rita, [rita.id])).toBe(true);
    expect(mayManageProduct({ id: "rm-2", role: "RELEASE_MANAGER" }, [rita.id])).toBe(false);
  });
});

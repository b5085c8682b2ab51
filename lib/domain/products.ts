// Products group releases and have owners; per stage they may name the people who sign it. Pure
// rules; the server applies them (lib/server/products/).
import { AppError } from "../errors";

import { ROLE_NAMES, type Role, STAGE_NAMES, type StageKey, type StageRule } from "./stages";

/** A product key: lowercase letters, digits and dashes, as in `payments-api` (URL- and feed-safe). */
export const PRODUCT_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A key proposed from a product's name: "Payments API" → `payments-api`. */
export function productKeyFrom(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** Owners are the people who run the product's releases. */
export const OWNER_ROLES: readonly Role[] = ["RELEASE_MANAGER", "ADMIN"];

type Person = { id: string; name: string; role: Role; isActive: boolean };

/** The first person who is deactivated or lacks an allowed role, as a 422 saying why. */
function firstMisfit(
  people: readonly Person[],
  allowed: readonly Role[],
  roleRule: (person: Person) => string,
): AppError | undefined {
  const wrong = people.find((person) => !person.isActive || !allowed.includes(person.role));
  if (!wrong) return undefined;
  return new AppError(
    "UNPROCESSABLE",
    "ROLE_NOT_ALLOWED",
    wrong.isActive ? roleRule(wrong) : `${wrong.name} is deactivated.`,
    { userId: wrong.id },
  );
}

/** Why these people cannot own a product, or undefined. */
export function ownersProblem(owners: readonly Person[]): AppError | undefined {
  return firstMisfit(
    owners,
    OWNER_ROLES,
    (person) =>
      `${person.name} is ${ROLE_NAMES[person.role]}; a product is owned by release managers.`,
  );
}

/** Why these people cannot be the named approvers of `key`, or undefined. */
export function approversProblem(
  key: StageKey,
  rule: StageRule,
  approvers: readonly Person[],
): AppError | undefined {
  return firstMisfit(
    approvers,
    rule.allowedRoles,
    (person) =>
      `${person.name} is ${ROLE_NAMES[person.role]}, but ${STAGE_NAMES[key]} is signed off by ${rule.allowedRoles.map((role) => ROLE_NAMES[role]).join(" or ")}.`,
  );
}

/**
 * Administrators and the product's current owners change it (name, description, owners) and name
 * its approvers: a release manager who owns nothing there cannot make themselves its owner.
 */
export function mayManageProduct(
  actor: { id: string; role: Role },
  ownerIds: readonly string[],
): boolean {
  return actor.role === "ADMIN" || ownerIds.includes(actor.id);
}

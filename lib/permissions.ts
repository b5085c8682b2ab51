// Who may do what, as plain predicates over a role. Route handlers and pages ask these; the
// stage sign-off rules (which also depend on the stage and the release) live in lib/domain.
import type { Role } from "./domain/stages";

export function canViewReleases(_role: Role): boolean {
  return true; // every signed-in role reads the calendar, the timeline and the releases
}

export function canPlanReleases(role: Role): boolean {
  return role === "RELEASE_MANAGER";
}

export function canAdminister(role: Role): boolean {
  return role === "ADMIN";
}

// The shapes of people and their access, as the API answers them and components draw them.
import type { TokenScope } from "@/lib/domain/people";
import type { Role } from "@/lib/domain/stages";

/** The signed-in person as every check sees them, read fresh from the database per request. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

/** A user as an administrator sees them. */
export type UserDto = SessionUser & {
  isActive: boolean;
  /** Whether they can sign in with a password (they have set one). */
  hasPassword: boolean;
  /** Whether they sign in through single sign-on. */
  hasSso: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

/** What other users see of a person: enough to pick a deputy or an approver. */
export type UserSummary = Pick<SessionUser, "id" | "name" | "email" | "role">;

/** A signed-in session of the user's, for "where am I signed in". */
export type SessionInfo = {
  id: string;
  method: "PASSWORD" | "OIDC";
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

/** An API token as listed (never with its secret). */
export type ApiTokenDto = {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

/** An API token as an administrator lists it: whose it is. */
export type ApiTokenAdminDto = ApiTokenDto & { owner: UserSummary };

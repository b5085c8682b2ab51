import type { DefaultSession } from "next-auth";

import type { Role } from "@/lib/domain/stages";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionId?: string } & DefaultSession["user"];
  }
  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user_sessions row this cookie belongs to; a revoked one signs the cookie out. */
    sid?: string;
  }
}

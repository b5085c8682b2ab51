import type { Role } from "@/lib/domain/stages";

/** The signed-in person as every check sees them, read fresh from the database per request. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

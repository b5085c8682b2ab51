import "server-only";

/** The columns of a user that make a SessionUser (lib/types/user.ts). */
export const sessionUserSelect = { id: true, email: true, name: true, role: true } as const;

import { z } from "zod";

import { isoDateSchema } from "./common";

/** POST /api/me/delegations: a deputy for the days from `from` to `to`, both included. */
export const delegationCreateSchema = z.strictObject({
  deputyId: z.uuid("Choose a deputy from the list of users."),
  from: isoDateSchema,
  to: isoDateSchema,
});

export type DelegationCreateInput = z.infer<typeof delegationCreateSchema>;

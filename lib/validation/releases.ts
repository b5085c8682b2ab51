import { z } from "zod";

import { RELEASE_STATUSES, RELEASE_TYPES } from "@/lib/domain/stages";

import { enumListParam, isoDateSchema } from "./common";

export const releaseListQuerySchema = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    type: z.enum(RELEASE_TYPES).optional(),
    status: enumListParam(RELEASE_STATUSES).optional(),
    region: z.string().trim().toUpperCase().max(16).optional(),
    q: z.string().trim().max(120).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "'from' must not be after 'to'.",
    path: ["to"],
  });

export type ReleaseListQuery = z.infer<typeof releaseListQuerySchema>;

import "server-only";

import type { Prisma } from "@/generated/prisma/client";

/** Plain JSON for a JSON column (dates as strings); a missing value stays out rather than JSON null. */
export function toJsonInput(value: unknown): Prisma.InputJsonValue | undefined {
  return value === null || value === undefined
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

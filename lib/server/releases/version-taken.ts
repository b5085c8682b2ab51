import "server-only";

import { AppError } from "@/lib/errors";
import type { DbTransaction } from "@/lib/server/db/client";

/**
 * A version (artifact tag) names at most one release that is not cancelled, so that a deployment
 * reported by its tag finds its release. The database guarantees it too (a partial unique index);
 * this check gives the clear answer.
 */
export async function assertVersionFree(
  tx: DbTransaction,
  version: string,
  exceptReleaseId?: string,
): Promise<void> {
  const holder = await tx.release.findFirst({
    where: {
      version,
      status: { not: "CANCELLED" },
      ...(exceptReleaseId && { id: { not: exceptReleaseId } }),
    },
    select: { id: true, name: true },
  });
  if (holder) throw versionTaken(version, holder);
}

/** 409 VERSION_TAKEN; without a holder (the database's index refused it), in general terms. */
export function versionTaken(version?: string, holder?: { id: string; name: string }): AppError {
  if (version === undefined || holder === undefined) {
    return new AppError(
      "CONFLICT",
      "VERSION_TAKEN",
      "This version is already another release's: a version names one release that is not cancelled.",
      version === undefined ? undefined : { version },
    );
  }
  return new AppError(
    "CONFLICT",
    "VERSION_TAKEN",
    `Version ${version} is already ${holder.name}'s: a version names one release (cancel that one, or give this a new version).`,
    { version, releaseId: holder.id },
  );
}

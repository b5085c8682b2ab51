import "server-only";

import { getDb } from "@/lib/server/db/client";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { ReleaseDetail } from "@/lib/types/release";
import { releaseIdSchema } from "@/lib/validation/releases";

import { notFound } from "./mutate-release";
import { releaseContext } from "./release-context";
import { releaseSelect, toReleaseDto } from "./release-dto";

/** One release with its stages and its patches; a 404 AppError when there is none. */
export async function getRelease(id: string): Promise<ReleaseDetail> {
  const db = getDb();
  const [row, settings] = await Promise.all([
    db.release.findUnique({
      where: { id },
      select: { ...releaseSelect, patches: { select: releaseSelect } },
    }),
    getPlanningSettings(),
  ]);
  if (!row) throw notFound();
  const context = releaseContext(settings);
  const patches = row.patches
    .map((patch) => toReleaseDto(patch, context))
    .sort((a, b) => a.forecastGoLive.localeCompare(b.forecastGoLive))
    .map(({ id: patchId, name, version, status, forecastGoLive, currentStage, atRisk }) => ({
      id: patchId,
      name,
      version,
      status,
      forecastGoLive,
      currentStage,
      atRisk,
    }));
  return { ...toReleaseDto(row, context), patches };
}

/** Whether a release with this id exists: the primary key only (a page decides its 404 with it). */
export async function releaseExists(id: string): Promise<boolean> {
  if (!releaseIdSchema.safeParse(id).success) return false;
  return (await getDb().release.count({ where: { id } })) > 0;
}

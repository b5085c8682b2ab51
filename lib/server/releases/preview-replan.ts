import "server-only";

import { dateToIso, maxDate, minDate } from "@/lib/domain/dates";
import { whatIf } from "@/lib/domain/what-if";
import { assertCan } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import { occupanciesBetween } from "@/lib/server/planning/plan-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ReplanPreview } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { WhatIfInput } from "@/lib/validation/releases";

import { notFound } from "./mutate-release";
import { releaseSelect } from "./release-dto";
import { toReleaseState } from "./release-state";
import { replanFor } from "./update-release";

/**
 * What a re-plan would move, computed exactly as the re-plan itself (`replanFor`) but written
 * nowhere. The answer carries the revision it was computed on, so saving it can be refused when
 * someone changed the release in between.
 */
export async function previewReplan(
  actor: SessionUser,
  id: string,
  input: WhatIfInput,
  options: { today?: string } = {},
): Promise<ReplanPreview> {
  assertCan(actor.role, "releases.plan");
  const [row, settings] = await Promise.all([
    getDb().release.findUnique({ where: { id }, select: releaseSelect }),
    getPlanningSettings(),
  ]);
  if (!row) throw notFound();
  const today = options.today ?? companyToday(settings.companyTimeZone);
  const release = toReleaseState(row);
  const { replan, region } = replanFor({ row, release, settings, today }, input)!;

  const windows = [
    ...release.stages.map((stage) => [stage.plannedStart, stage.plannedEnd]),
    ...replan.stageChanges.map((change) => [change.plannedStart, change.plannedEnd]),
  ]
    .flat()
    .filter((date): date is string => date !== undefined);
  const from = windows.reduce(minDate);
  const to = windows.reduce(maxDate);
  const others = (await occupanciesBetween(from, to, settings)).filter((o) => o.releaseId !== id);

  return {
    releaseId: id,
    revision: row.revision,
    ...whatIf({
      release: { ...release, id, name: row.name, baselineGoLive: dateToIso(row.baselineGoLive) },
      replan,
      calendar: calendarFor(region, settings.periods),
      others,
      capacity: settings.capacity,
    }),
  };
}

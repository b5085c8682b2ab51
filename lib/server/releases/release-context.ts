import "server-only";

import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";

import type { ReleaseContext } from "./release-dto";

export function releaseContext(settings: PlanningSettings): ReleaseContext {
  return {
    calendarFor: (region) => calendarFor(region, settings.periods),
    stageRules: settings.stageRules,
  };
}

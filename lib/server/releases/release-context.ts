import "server-only";

import type { IsoDate } from "@/lib/domain/dates";
import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";
import { companyToday } from "@/lib/server/today";

import type { ReleaseContext } from "./release-dto";

/** What mapping a release needs: calendars, stage rules, and the company's today (the forecast). */
export function releaseContext(settings: PlanningSettings, today?: IsoDate): ReleaseContext {
  return {
    calendarFor: (region) => calendarFor(region, settings.periods),
    stageRules: settings.stageRules,
    today: today ?? companyToday(settings.companyTimeZone),
    timeZone: settings.companyTimeZone,
    observationWorkingDays: settings.observationWorkingDays,
  };
}

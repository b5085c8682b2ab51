import "server-only";

import type { IsoDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { assertKnownRegion } from "@/lib/domain/holidays";
import type { WorkingDayCalendar } from "@/lib/domain/working-days";
import { calendarFor } from "@/lib/server/calendars";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

/** The days between two dates that are not plain working days, for calendars and date pickers. */
export async function describeDays(region: string | undefined, from: IsoDate, to: IsoDate) {
  const settings = await getPlanningSettings();
  const resolved = region ?? settings.defaultRegion;
  assertKnownRegion(resolved);
  const calendar = calendarFor(resolved, settings.periods);
  return { region: resolved, from, to, days: dayInfos(calendar, from, to) };
}

/** The days from `from` to `to` that are not plain working days, as DayInfo. */
export function dayInfos(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): DayInfo[] {
  return calendar.describeDays(from, to).map(({ date, reason, freeze }) => ({
    date,
    ...(reason && {
      nonWorking:
        reason.kind === "weekend" ? { kind: "weekend" } : { kind: reason.kind, name: reason.name },
    }),
    ...(freeze && { freeze }),
  }));
}

import "server-only";

import { type CompanyPeriod, periodsForRegion } from "@/lib/domain/settings";
import { WorkingDayCalendar } from "@/lib/domain/working-days";

const calendars = new Map<string, WorkingDayCalendar>();
const MAX_CACHED = 64;

/**
 * The working-day calendar of a region under the company's periods, cached per process: its index
 * is built once and reused until the periods change (the cache key includes them).
 */
export function calendarFor(
  region: string,
  periods: readonly CompanyPeriod[] = [],
): WorkingDayCalendar {
  const { closures, freezes } = periodsForRegion(periods, region);
  const key = JSON.stringify([region, closures, freezes]);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= MAX_CACHED) calendars.delete(calendars.keys().next().value!);
    calendar = new WorkingDayCalendar({ region, closures, freezes });
    calendars.set(key, calendar);
  }
  return calendar;
}

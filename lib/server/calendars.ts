import "server-only";

import { type CompanyPeriod, periodsForRegion } from "@/lib/domain/settings";
import { WorkingDayCalendar } from "@/lib/domain/working-days";

const calendars = new Map<string, WorkingDayCalendar>();
const MAX_CACHED = 64;
/** The calendars of one settings' periods by region: views ask per release, thousands of times. */
const byPeriods = new WeakMap<readonly CompanyPeriod[], Map<string, WorkingDayCalendar>>();
const NO_PERIODS: readonly CompanyPeriod[] = [];

/**
 * The working-day calendar of a region under the company's periods, cached per process: its index
 * is built once and reused until the periods change (the cache key includes them).
 */
export function calendarFor(
  region: string,
  periods: readonly CompanyPeriod[] = NO_PERIODS,
): WorkingDayCalendar {
  let regions = byPeriods.get(periods);
  if (!regions) byPeriods.set(periods, (regions = new Map()));
  let known = regions.get(region);
  if (!known) regions.set(region, (known = calendarByContent(region, periods)));
  return known;
}

function calendarByContent(region: string, periods: readonly CompanyPeriod[]): WorkingDayCalendar {
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

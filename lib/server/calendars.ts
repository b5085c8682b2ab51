import { WorkingDayCalendar } from "@/lib/domain/working-days";

const calendars = new Map<string, WorkingDayCalendar>();

/** The working-day calendar of a holiday region (cached per process). */
export function calendarFor(region: string): WorkingDayCalendar {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = new WorkingDayCalendar(region);
    calendars.set(region, calendar);
  }
  return calendar;
}

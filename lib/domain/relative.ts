// "in 3 working days", "2 working days ago": distances that matter for a go/no-go decision.
import type { IsoDate } from "./dates";
import type { WorkingDayCalendar } from "./working-days";

/** Signed distance in working days from `today` to `date` (0 when equal). */
export function workingDaysUntil(
  today: IsoDate,
  date: IsoDate,
  calendar: WorkingDayCalendar,
): number {
  if (date === today) return 0;
  if (date > today)
    return calendar.countWorkingDays(today, date) - (calendar.isWorkingDay(today) ? 1 : 0);
  return -(calendar.countWorkingDays(date, today) - (calendar.isWorkingDay(today) ? 1 : 0));
}

export function describeWorkingDayDistance(days: number): string {
  if (days === 0) return "today";
  const count = Math.abs(days);
  const unit = count === 1 ? "working day" : "working days";
  return days > 0 ? `in ${count} ${unit}` : `${count} ${unit} ago`;
}

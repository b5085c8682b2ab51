// Company calendar periods: non-working periods (the office is closed) and freeze windows (work
// goes on, but no go-live). One-off periods are fixed dates; yearly ones repeat on the same month
// and day every year and may wrap over New Year (e.g. 20 Dec – 6 Jan).
import { daysInMonth, type IsoDate } from "./dates";

export const RECURRENCES = ["ONE_OFF", "YEARLY"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export type PeriodRule = { name: string; start: IsoDate; end: IsoDate; recurrence: Recurrence };

/** A concrete occurrence of a period, first and last day included. */
export type DatedPeriod = { name: string; start: IsoDate; end: IsoDate };

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** The same month and day in another year; 29 Feb becomes 28 Feb in common years. */
function inYear(date: IsoDate, year: number): IsoDate {
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Is a yearly rule one that runs over New Year (its last day's month-day is before its first's)? */
export function wrapsYearEnd(rule: Pick<PeriodRule, "start" | "end">): boolean {
  return rule.end.slice(5) < rule.start.slice(5);
}

/** Every occurrence of the rules that overlaps the years `fromYear`..`toYear`. */
export function expandPeriods(
  rules: readonly PeriodRule[],
  fromYear: number,
  toYear: number,
): DatedPeriod[] {
  const periods: DatedPeriod[] = [];
  const first = `${pad(fromYear, 4)}-01-01`;
  const last = `${pad(toYear, 4)}-12-31`;
  for (const rule of rules) {
    if (rule.recurrence === "ONE_OFF") {
      if (rule.end >= first && rule.start <= last)
        periods.push({ name: rule.name, start: rule.start, end: rule.end });
      continue;
    }
    const wraps = wrapsYearEnd(rule);
    // A wrapping occurrence that starts in the year before still reaches into `fromYear`.
    for (let year = fromYear - (wraps ? 1 : 0); year <= toYear; year++) {
      const start = inYear(rule.start, year);
      const end = inYear(rule.end, wraps ? year + 1 : year);
      if (end >= first && start <= last) periods.push({ name: rule.name, start, end });
    }
  }
  return periods.sort((a, b) => a.start.localeCompare(b.start));
}

// Windows for tools that enforce them themselves (Argo CD sync windows, GitLab freeze periods, any
// calendar), so that they never drift from the calendar. A window whose rule cron can state exactly
// is exported as cron; any other is expanded into its single occurrences of the next twelve months
// (each a cron of one date), and the export says so. Argo CD adds a window's duration in real hours,
// so a window that some daylight-saving change falls into is expanded for Argo CD too; GitLab names
// both ends by cron in the zone, which keeps wall-clock time. Pure: the serialising is the server's.
import { addDays, type IsoDate } from "./dates";
import {
  type DeploymentWindow,
  freezeOccurrences,
  occurrencesOf,
  wallAt,
  windowRule,
  type WindowOccurrence,
} from "./deployment-windows";
import { expandPeriods } from "./periods";

const DAY_MS = 86_400_000;
export const EXPORT_HORIZON_DAYS = 365;

/** Cron of a window's start (and of its end, where the end can be stated by cron too). */
export type WindowCron = { start: string; end: string | null };

/** rrule numbers weekdays Monday = 0; cron Sunday = 0. */
function cronWeekday(rruleWeekday: number): number {
  return (rruleWeekday + 1) % 7;
}

function list(values: readonly number[] | null | undefined): string {
  return values && values.length > 0 ? [...values].sort((a, b) => a - b).join(",") : "*";
}

/**
 * The cron that fires when the window starts, or null when cron cannot state the rule exactly: an
 * interval over 1, a count or an end, an nth weekday, a negative or combined day, set positions,
 * week numbers, or a first day still to come (cron would fire before it).
 */
export function cronOf(window: DeploymentWindow, today: IsoDate): WindowCron | null {
  if (window.startsOn > today) return null;
  const options = windowRule(window).options;
  const unsupported =
    options.interval !== 1 ||
    options.count !== null ||
    options.until !== null ||
    (options.bynmonthday?.length ?? 0) > 0 ||
    (options.bynweekday?.length ?? 0) > 0 ||
    (options.bysetpos?.length ?? 0) > 0 ||
    (options.byweekno?.length ?? 0) > 0 ||
    (options.byyearday?.length ?? 0) > 0 ||
    (options.byeaster ?? null) !== null;
  const days = options.bymonthday ?? [];
  const weekdays = (options.byweekday ?? []).map(cronWeekday);
  // RFC 5545 intersects month days and weekdays; cron fires on either.
  if (unsupported || (days.length > 0 && weekdays.length > 0)) return null;
  const [hour, minute] = window.startTime.split(":").map(Number) as [number, number];
  const months = list(options.bymonth);
  const start = `${minute} ${hour} ${list(days)} ${months} ${list(weekdays)}`;

  // The end: the same days shifted by whole days, where the shift stays exact.
  const total = hour * 60 + minute + window.durationMinutes;
  const shift = Math.floor(total / 1440);
  const endTime = `${total % 60} ${Math.floor((total % 1440) / 60)}`;
  let end: string | null = null;
  const gapMinutes = smallestGapMinutes(days, weekdays, months);
  if (gapMinutes !== null && window.durationMinutes < gapMinutes) {
    if (shift === 0) end = `${endTime} ${list(days)} ${months} ${list(weekdays)}`;
    else if (days.length === 0 && months === "*") {
      const shifted = weekdays.length > 0 ? weekdays.map((day) => (day + shift) % 7) : [];
      end = `${endTime} * * ${list(shifted)}`;
    }
  }
  return { start, end };
}

/**
 * The least time between two starts (every day, weekdays, or month days in every month), so that
 * a freeze from one start to the next end never swallows a start; null when months differ.
 */
function smallestGapMinutes(
  days: readonly number[],
  weekdays: readonly number[],
  months: string,
): number | null {
  if (days.length > 0) {
    if (months !== "*") return null;
    const sorted = [...days].sort((a, b) => a - b);
    // The shortest month has 28 days: the wrap from the last day to the first of the next month.
    let gap = sorted[0]! + 28 - sorted.at(-1)!;
    for (let index = 1; index < sorted.length; index++) {
      gap = Math.min(gap, sorted[index]! - sorted[index - 1]!);
    }
    return gap * 1440;
  }
  if (weekdays.length === 0) return 1440;
  const sorted = [...weekdays].sort((a, b) => a - b);
  let gap = 7;
  for (let index = 0; index < sorted.length; index++) {
    const next = sorted[(index + 1) % sorted.length]! + (index + 1 === sorted.length ? 7 : 0);
    gap = Math.min(gap, next - sorted[index]!);
  }
  return gap * 1440;
}

/** A cron that fires once a year, at a wall time: how single occurrences are written. */
export function cronAt(wall: number): string {
  const date = new Date(wall);
  return `${date.getUTCMinutes()} ${date.getUTCHours()} ${date.getUTCDate()} ${date.getUTCMonth() + 1} *`;
}

/** A Go duration (`66h`, `1h30m`), the format Argo CD reads. */
export function goDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours > 0 ? `${hours}h` : ""}${rest > 0 || hours === 0 ? `${rest}m` : ""}`;
}

/** Whether an occurrence lasts other than its wall-clock length (a daylight-saving change inside). */
export function crossesOffsetChange(found: WindowOccurrence): boolean {
  return found.end - found.start !== found.endWall - found.startWall;
}

export type ExportEntry = {
  name: string;
  kind: "ALLOW" | "DENY";
  products: readonly string[];
  window: DeploymentWindow | null;
  /** Yearly or one-off freeze days (PROD), for calendars. */
  freeze: { start: IsoDate; end: IsoDate; yearly: boolean } | null;
  cron: WindowCron | null;
  durationMinutes: number;
  /** The occurrences of the next twelve months. */
  occurrences: WindowOccurrence[];
};

export type FreezeRule = {
  name: string;
  start: IsoDate;
  end: IsoDate;
  recurrence: "ONE_OFF" | "YEARLY";
};

/** The windows of an environment (and freezes, for PROD) with their crons and next occurrences. */
export function exportEntries(input: {
  windows: readonly DeploymentWindow[];
  freezes: readonly FreezeRule[];
  timeZone: string;
  now: number;
  today: IsoDate;
}): ExportEntry[] {
  const from = input.now;
  const to = input.now + EXPORT_HORIZON_DAYS * DAY_MS;
  const entries: ExportEntry[] = input.windows.map((window) => ({
    name: window.name,
    kind: window.kind,
    products: window.products,
    window,
    freeze: null,
    cron: cronOf(window, input.today),
    durationMinutes: window.durationMinutes,
    occurrences: occurrencesOf(window, input.timeZone, from, to),
  }));
  for (const freeze of input.freezes) {
    const yearly = freeze.recurrence === "YEARLY";
    const lengthDays =
      (Date.parse(`${freeze.end}T00:00:00Z`) - Date.parse(`${freeze.start}T00:00:00Z`)) / DAY_MS +
      1;
    const year = new Date(from).getUTCFullYear();
    const dated = expandPeriods([freeze], year - 1, year + 1);
    const occurrences = freezeOccurrences(dated, input.timeZone, from, to);
    if (occurrences.length === 0) continue;
    const startWall = wallAt(freeze.start);
    const day = new Date(startWall);
    entries.push({
      name: freeze.name,
      kind: "DENY",
      products: [],
      window: null,
      freeze: { start: freeze.start, end: freeze.end, yearly },
      // A yearly freeze of a day that exists every year is cron; 29 Feb and one-off ones are not.
      cron:
        yearly && freeze.start.slice(5) !== "02-29" && lengthDays < 365
          ? {
              start: `0 0 ${day.getUTCDate()} ${day.getUTCMonth() + 1} *`,
              end: cronAt(wallAt(addDays(freeze.start, lengthDays))),
            }
          : null,
      durationMinutes: lengthDays * 1440,
      occurrences,
    });
  }
  return entries;
}

/** The occurrences' wall-clock gaps between allow windows over the horizon (for GitLab). */
export function gapsBetween(
  occurrences: readonly WindowOccurrence[],
  from: number,
  to: number,
): { start: number; end: number }[] {
  const sorted = [...occurrences].sort((a, b) => a.start - b.start);
  const gaps: { start: number; end: number }[] = [];
  let cursor = from;
  for (const found of sorted) {
    if (found.start > cursor) gaps.push({ start: cursor, end: found.start });
    cursor = Math.max(cursor, found.end);
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps;
}

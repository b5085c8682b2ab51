// Calendar dates without a time of day. Plan dates travel as `YYYY-MM-DD` strings and are computed
// as day numbers (days since 1970-01-01), so no server or browser time zone can ever shift a day.

/** A calendar date as `YYYY-MM-DD`. ISO strings of this shape sort chronologically. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
export const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2027-02-30, 2027-1-5, ...). */
/** The years the working-day calendar (holidays, periods) covers. */
export const FIRST_SUPPORTED_YEAR = 2000;
export const LAST_SUPPORTED_YEAR = 2100;

/**
 * Whether a view (timeline, calendar, environments, report) may start or end on this date: a year
 * inside the supported ones, with a year's margin for the widest view and the plans around it.
 */
export function isViewableDate(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year > FIRST_SUPPORTED_YEAR && year < LAST_SUPPORTED_YEAR;
}

export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (negative before) of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digit(date: string, index: number): number {
  const code = date.charCodeAt(index) - 48;
  if (code < 0 || code > 9) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return code;
}

/** Days since 1970-01-01 (negative before). Hot path of the planner: no regex, no Date. */
export function toDayNumber(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  }
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  return dayNumberOf(year, month, day);
}

/** Days already written out: plans and views turn the same few thousand days into strings often. */
const isoOfDay = new Map<number, IsoDate>();
const pad = (value: number, width: number) => String(value).padStart(width, "0");

/**
 * The date of a day number, by arithmetic (the inverse of `dayNumberOf`): no Date object, which in
 * a Next.js server is a wrapped, slow constructor, and no `toISOString` (a runtime call). Views
 * at portfolio scale do this hundreds of thousands of times per request.
 */
export function fromDayNumber(day: number): IsoDate {
  const known = isoOfDay.get(day);
  if (known !== undefined) return known;
  if (!Number.isInteger(day)) throw new RangeError(`Not a day number: ${day}`);
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // Years outside 0000-9999 are written the way toISOString writes them (±YYYYYY).
  const iso =
    year >= 0 && year <= 9999
      ? `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`
      : new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoOfDay.size < 200_000) isoOfDay.set(day, iso);
  return iso;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function weekday(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date in an IANA time zone (the company's, never the server's). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** `Mon 15 Mar 2027`, the one way the UI shows a date. */
export function formatDisplayDate(date: IsoDate): string {
  const day = toDayNumber(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${WEEKDAY_NAMES[weekdayOfDayNumber(day)]} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** `15 Mar`, for dense places where the year is clear from context. */
export function formatShortDate(date: IsoDate): string {
  const [, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]}`;
}

/** A SQL `date` read by Prisma arrives as a Date at UTC midnight; this is its calendar date. */
export function dateToIso(value: Date): IsoDate {
  const time = value.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid time value");
  return fromDayNumber(Math.floor(time / MS_PER_DAY));
}

/** The Date Prisma needs to write an SQL `date`: UTC midnight of the calendar date. */
export function isoToDate(date: IsoDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY);
}

/** `Mon 1 Mar 2027 – Fri 5 Mar 2027`; one date when both are the same; "– ongoing" without an end. */
export function formatDateRange(start: IsoDate, end: IsoDate | null): string {
  if (!end) return `${formatDisplayDate(start)} – ongoing`;
  return start === end
    ? formatDisplayDate(start)
    : `${formatDisplayDate(start)} – ${formatDisplayDate(end)}`;
}

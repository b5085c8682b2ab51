// Wall-clock time in a time zone and the instants it names. A wall time is written as the UTC
// milliseconds of the same calendar fields ("floating" time: 14:00 on 6 Mar 2026 is
// Date.UTC(2026, 2, 6, 14)), which is also how rrule hands out occurrences. Converting a wall time
// to an instant follows RFC 5545 §3.3.5: a time that happens twice (the autumn change) is the first
// of the two; a time that never happens (the spring gap) is read with the offset before the gap,
// so 02:30 on the spring-forward day is 03:30 summer time.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the zone (an IANA name such as `Europe/Berlin`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time (floating milliseconds) an instant shows in the zone, to the second. */
export function wallTimeOf(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  return wall + (((instant % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at an instant, in milliseconds (+3_600_000 for CET). */
export function offsetAt(instant: number, timeZone: string): number {
  return wallTimeOf(instant, timeZone) - instant;
}

const DAY_MS = 86_400_000;

/** The instant a wall time names in the zone (RFC 5545: the first of two, the offset before a gap). */
export function instantOf(wall: number, timeZone: string): number {
  // Zones change their offset at most once a day: the offsets a day before and a day after are
  // the only candidates.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wallTimeOf(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - before;
}

/** `YYYY-MM-DDTHH:MM` of a wall time, for messages and previews. */
export function formatWallTime(wall: number): string {
  return new Date(wall).toISOString().slice(0, 16);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Fri 11 Dec 2026, 14:00": an instant as people in the zone read it. */
export function formatInstant(instant: number | string, timeZone: string): string {
  let formatter = displayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    displayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

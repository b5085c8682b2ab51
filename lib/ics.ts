// iCalendar (RFC 5545) writing for the calendar feed: all-day events, escaped text, folded lines,
// CRLF line ends. Pure: no framework, no database.
import { addDays, type IsoDate } from "./domain/dates";

export type IcsEvent = {
  /** Stable across changes, so that a re-plan updates the event instead of duplicating it. */
  uid: string;
  /** Grows whenever the event changes (RFC 5545 §3.8.7.4). */
  sequence: number;
  start: IsoDate;
  /** The last day, included (written as the exclusive DTEND the format wants). */
  end: IsoDate;
  summary: string;
  description?: string;
  url?: string;
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  categories?: string[];
  lastModified?: Date;
};

export type IcsCalendar = { name: string; description?: string; events: IcsEvent[]; now?: Date };

/**
 * TEXT values: backslash, semicolon, comma and line breaks are escaped (§3.3.11) — a lone
 * carriage return too, which some clients read as a line break that could start a property of
 * its own; any other control character is removed: TEXT may hold none but a tab (§3.1).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

function dateValue(date: IsoDate): string {
  return date.replaceAll("-", "");
}

function instantValue(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** UTF-8 octets of one code point. */
function octetsOf(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * Lines longer than 75 octets are folded (§3.1), never inside a multi-byte character. Counted
 * without encoding (a feed of a large portfolio folds hundreds of thousands of lines).
 */
export function foldLine(line: string): string {
  if (line.length <= 25) return line; // at most 3 octets a UTF-16 unit: it fits
  const parts: string[] = [];
  let start = 0;
  let size = 0;
  let index = 0;
  while (index < line.length) {
    const codePoint = line.codePointAt(index)!;
    const octets = octetsOf(codePoint);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + octets > limit) {
      parts.push(line.slice(start, index));
      start = index;
      size = 0;
    }
    size += octets;
    index += codePoint > 0xffff ? 2 : 1;
  }
  if (parts.length === 0) return line;
  parts.push(line.slice(start));
  return parts.join("\r\n ");
}

export function buildCalendar({
  name,
  description,
  events,
  now = new Date(),
}: IcsCalendar): string {
  const stamp = instantValue(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Release Calendar//Release Calendar feed//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    ...(description ? [`X-WR-CALDESC:${escapeText(description)}`] : []),
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTART;VALUE=DATE:${dateValue(event.start)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(event.end, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      "TRANSP:TRANSPARENT",
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    if (event.categories?.length)
      lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${instantValue(event.lastModified)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

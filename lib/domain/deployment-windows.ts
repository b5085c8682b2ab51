// Deployment windows: when deployments to an environment may happen. A window allows or denies,
// for some environments (and optionally some products), from a wall-clock start time for a number
// of minutes, repeating by an RFC 5545 rule from its first day. Times are the company zone's wall
// clock, so a daylight-saving change never shifts them: Friday 14:00 for 66 hours ends Monday
// 08:00 whatever happened on the Sunday night. Freeze periods of the planning calendar count as
// deny windows for PROD, whole days. The gate is closed by windows when a deny window or a freeze
// covers the instant, or when allow windows exist and none covers it; an approved exception lifts
// all three for its release, environment and time. Pure; instants are epoch milliseconds.
import { AppError } from "../errors";

import { addDays, type IsoDate } from "./dates";
import { type DatedPeriod, expandPeriods } from "./periods";
import { parseRule, type RRule } from "./recurrence";
import type { StageKey } from "./stages";
import { formatWallTime, instantOf, wallTimeOf } from "./wall-clock";

export const WINDOW_KINDS = ["ALLOW", "DENY"] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export type DeploymentWindow = {
  id: string;
  name: string;
  kind: WindowKind;
  environments: readonly StageKey[];
  /** Product keys it is limited to; empty = every product. */
  products: readonly string[];
  /** RFC 5545 recurrence rule without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=FR`. */
  rule: string;
  /** `HH:MM`, company time. */
  startTime: string;
  durationMinutes: number;
  /** The first day the rule counts from (company calendar). */
  startsOn: IsoDate;
};

/** One occurrence: instants (for the gate) and wall times (for people and exports). */
export type WindowOccurrence = {
  windowId: string | null;
  name: string;
  kind: WindowKind | "FREEZE";
  start: number;
  end: number;
  startWall: number;
  endWall: number;
};

export type WindowReasonCode = "DENY_WINDOW" | "OUTSIDE_ALLOW_WINDOW" | "FREEZE";
export type WindowReason = { code: WindowReasonCode; message: string };

export type Interval = { start: number; end: number };

export const MAX_WINDOW_MINUTES = 366 * 24 * 60;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far `until` and `nextOpen` look ahead. */
export const WINDOW_HORIZON_DAYS = 400;

/** The floating (wall-clock) milliseconds of a day at an `HH:MM`. */
export function wallAt(day: IsoDate, time = "00:00"): number {
  return Date.parse(`${day}T${time}:00Z`);
}

function dayOfWall(wall: number): IsoDate {
  return new Date(wall).toISOString().slice(0, 10);
}

/** A window's rule, read from its first day at its start time (400 on a malformed rule). */
export function windowRule(
  window: Pick<DeploymentWindow, "rule" | "startsOn" | "startTime">,
): RRule {
  return parseRule(window.rule, new Date(wallAt(window.startsOn, window.startTime)), "startsOn");
}

/** Refuses (422 EMPTY_RULE) a rule with no occurrence in the two years from its first day. */
export function assertRuleFires(window: Pick<DeploymentWindow, "rule" | "startsOn" | "startTime">) {
  const rule = windowRule(window);
  const first = rule.after(new Date(wallAt(window.startsOn) - 1), true);
  if (first && first.getTime() <= wallAt(addDays(window.startsOn, 731))) return;
  throw new AppError(
    "UNPROCESSABLE",
    "EMPTY_RULE",
    "This rule never fires in the two years from its first day: check FREQ, BYDAY, UNTIL and COUNT.",
    { field: "rule" },
  );
}

function occurrence(
  source: Pick<WindowOccurrence, "windowId" | "name" | "kind">,
  startWall: number,
  endWall: number,
  timeZone: string,
): WindowOccurrence {
  return {
    ...source,
    startWall,
    endWall,
    start: instantOf(startWall, timeZone),
    end: instantOf(endWall, timeZone),
  };
}

/** The occurrences of a window that overlap the instants [from, to), in order. */
export function occurrencesOf(
  window: DeploymentWindow,
  timeZone: string,
  from: number,
  to: number,
  rule: RRule = windowRule(window),
): WindowOccurrence[] {
  const length = window.durationMinutes * MINUTE_MS;
  // Wall times run at most a day apart from instants: a day's margin either side finds them all.
  const after = new Date(wallTimeOf(from, timeZone) - length - DAY_MS);
  const before = new Date(wallTimeOf(to, timeZone) + DAY_MS);
  return rule
    .between(after, before, true)
    .map((start) =>
      occurrence(
        { windowId: window.id, name: window.name, kind: window.kind },
        start.getTime(),
        start.getTime() + length,
        timeZone,
      ),
    )
    .filter((found) => found.end > from && found.start < to && found.end > found.start);
}

/** The next `count` occurrences that have not ended at `now`. */
export function nextOccurrences(
  window: DeploymentWindow,
  timeZone: string,
  now: number,
  count: number,
): WindowOccurrence[] {
  const found: WindowOccurrence[] = [];
  const rule = windowRule(window);
  for (let from = now; found.length < count && from < now + 2 * 366 * DAY_MS; from += 92 * DAY_MS) {
    for (const next of occurrencesOf(window, timeZone, from, from + 92 * DAY_MS, rule)) {
      if (found.length < count && !found.some((seen) => seen.start === next.start))
        found.push(next);
    }
  }
  return found;
}

/** Freeze periods as whole company days, from the first day's midnight to the one after the last. */
export function freezeOccurrences(
  freezes: readonly DatedPeriod[],
  timeZone: string,
  from: number,
  to: number,
): WindowOccurrence[] {
  return freezes
    .map((freeze) =>
      occurrence(
        { windowId: null, name: freeze.name, kind: "FREEZE" },
        wallAt(freeze.start),
        wallAt(addDays(freeze.end, 1)),
        timeZone,
      ),
    )
    .filter((found) => found.end > from && found.start < to);
}

/** The freeze periods of yearly and one-off rules around the instants [from, to). */
export function freezesAround(
  rules: Parameters<typeof expandPeriods>[0],
  from: number,
  to: number,
): DatedPeriod[] {
  const first = new Date(from - DAY_MS).getUTCFullYear();
  const last = new Date(to + DAY_MS).getUTCFullYear();
  return expandPeriods(rules, first, last);
}

/** Whether a window speaks for an environment and a product (no product: only windows for all). */
export function windowApplies(
  window: Pick<DeploymentWindow, "environments" | "products">,
  environment: StageKey,
  productKey: string | null,
): boolean {
  if (!window.environments.includes(environment)) return false;
  return (
    window.products.length === 0 || (productKey !== null && window.products.includes(productKey))
  );
}

export type WindowRules = {
  /** Windows for the environment and product at hand (see `windowApplies`). */
  windows: readonly DeploymentWindow[];
  /** Freeze periods that apply (PROD, the release's region), as dated periods. */
  freezes: readonly DatedPeriod[];
  timeZone: string;
  /** Approved exceptions: while one runs, windows do not close the gate. */
  exceptions?: readonly Interval[];
};

export type WindowVerdict = {
  reasons: WindowReason[];
  /** Open now: when windows close it next (null: not within the horizon). */
  until: number | null;
  /** Closed now: when windows open it next (null: not within the horizon). */
  nextOpen: number | null;
};

function describe(found: WindowOccurrence, timeZone: string): WindowReason {
  const end = formatWallTime(found.endWall).replace("T", " ");
  if (found.kind === "FREEZE") {
    return {
      code: "FREEZE",
      message: `The freeze '${found.name}' runs until ${end} (${timeZone}).`,
    };
  }
  return {
    code: "DENY_WINDOW",
    message: `The deny window '${found.name}' runs until ${end} (${timeZone}).`,
  };
}

/** When windows close and open the gate over a span of instants, worked out once. */
export type WindowTimeline = {
  from: number;
  to: number;
  timeZone: string;
  occurrences: WindowOccurrence[];
  hasAllow: boolean;
  closedAtFrom: boolean;
  /** The instants in (from, to] where the gate flips, in order: closed after odd-numbered ones
   *  when it was open at `from`, and the other way round. */
  flips: number[];
};

/** The occurrences, freezes and exception over [from, to), and where they flip the gate. */
export function windowTimeline(rules: WindowRules, from: number, to: number): WindowTimeline {
  const longest = Math.max(1, ...rules.windows.map((window) => window.durationMinutes));
  // Occurrences that began before `from` may still run: look back as far as the longest lasts.
  const lookBack = from - longest * MINUTE_MS - 2 * DAY_MS;
  const occurrences = [
    ...rules.windows.flatMap((window) => occurrencesOf(window, rules.timeZone, lookBack, to)),
    ...freezeOccurrences(rules.freezes, rules.timeZone, lookBack, to),
  ].sort((a, b) => a.start - b.start);
  const hasAllow = rules.windows.some((window) => window.kind === "ALLOW");

  const changes = new Map<number, { deny: number; allow: number; exception: number }>();
  const bump = (at: number, field: "deny" | "allow" | "exception", delta: number) => {
    const change = changes.get(at) ?? { deny: 0, allow: 0, exception: 0 };
    change[field] += delta;
    changes.set(at, change);
  };
  for (const found of occurrences) {
    const field = found.kind === "ALLOW" ? "allow" : "deny";
    bump(found.start, field, 1);
    bump(found.end, field, -1);
  }
  for (const exception of rules.exceptions ?? []) {
    bump(exception.start, "exception", 1);
    bump(exception.end, "exception", -1);
  }
  const counts = { deny: 0, allow: 0, exception: 0 };
  const closed = () =>
    counts.exception === 0 && (counts.deny > 0 || (hasAllow && counts.allow === 0));
  const flips: number[] = [];
  let closedAtFrom: boolean | null = null;
  let state = false;
  for (const at of [...changes.keys()].sort((a, b) => a - b)) {
    if (at > from && closedAtFrom === null) {
      closedAtFrom = closed();
      state = closedAtFrom;
    }
    if (at > to) break;
    const change = changes.get(at)!;
    counts.deny += change.deny;
    counts.allow += change.allow;
    counts.exception += change.exception;
    if (closedAtFrom !== null && closed() !== state) {
      state = !state;
      flips.push(at);
    }
  }
  if (closedAtFrom === null) closedAtFrom = closed();
  return { from, to, timeZone: rules.timeZone, occurrences, hasAllow, closedAtFrom, flips };
}

/** Whether windows close the gate at an instant of the timeline's span. */
export function closedAt(timeline: WindowTimeline, now: number): boolean {
  let low = 0;
  let high = timeline.flips.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (timeline.flips[middle]! <= now) low = middle + 1;
    else high = middle;
  }
  // `low` flips happened at or before `now`.
  return low % 2 === 0 ? timeline.closedAtFrom : !timeline.closedAtFrom;
}

/** The first flip after `now`, if the timeline holds one. */
function nextFlip(timeline: WindowTimeline, now: number): number | null {
  return timeline.flips.find((at) => at > now) ?? null;
}

/** What the windows say at an instant of the timeline's span: reasons, `until`, `nextOpen`. */
export function verdictAt(timeline: WindowTimeline, now: number): WindowVerdict {
  if (!closedAt(timeline, now))
    return { reasons: [], until: nextFlip(timeline, now), nextOpen: null };
  const covering = (found: WindowOccurrence) => found.start <= now && now < found.end;
  const reasons = timeline.occurrences
    .filter((found) => found.kind !== "ALLOW" && covering(found))
    .map((found) => describe(found, timeline.timeZone));
  const allows = timeline.occurrences.filter((found) => found.kind === "ALLOW");
  if (timeline.hasAllow && !allows.some(covering)) {
    const next = allows.find((found) => found.start > now);
    reasons.push({
      code: "OUTSIDE_ALLOW_WINDOW",
      message: next
        ? `No allow window is open; the next, '${next.name}', opens ${formatWallTime(next.startWall).replace("T", " ")} (${timeline.timeZone}).`
        : `No allow window is open, and none opens in the next ${WINDOW_HORIZON_DAYS} days.`,
    });
  }
  // Closed only by a running exception's absence is impossible: closed means some reason holds.
  return { reasons, until: null, nextOpen: nextFlip(timeline, now) };
}

/** What the windows say at `now`, looking `WINDOW_HORIZON_DAYS` ahead. */
export function evaluateWindows(rules: WindowRules, now: number): WindowVerdict {
  return verdictAt(windowTimeline(rules, now, now + WINDOW_HORIZON_DAYS * DAY_MS), now);
}

/** The day (company calendar) an instant falls on. */
export function companyDayOf(instant: number, timeZone: string): IsoDate {
  return dayOfWall(wallTimeOf(instant, timeZone));
}

/** A stretch of one company day, in minutes from its midnight (end exclusive, up to 1440). */
export type DayPiece = { date: IsoDate; startMinute: number; endMinute: number };

/** An occurrence cut at company midnights, for views that draw days. */
export function dayPieces(startWall: number, endWall: number): DayPiece[] {
  const pieces: DayPiece[] = [];
  let cursor = startWall;
  while (cursor < endWall) {
    const date = dayOfWall(cursor);
    const midnight = wallAt(addDays(date, 1));
    const end = Math.min(endWall, midnight);
    pieces.push({
      date,
      startMinute: Math.round((cursor - wallAt(date)) / MINUTE_MS),
      endMinute: Math.round((end - wallAt(date)) / MINUTE_MS),
    });
    cursor = end;
  }
  return pieces;
}

/** `14:00`, and `24:00` for the end of a day. */
export function minuteLabel(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

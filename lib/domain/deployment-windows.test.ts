import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

import { AppError } from "../errors";

import {
  assertRuleFires,
  closedAt,
  type DeploymentWindow,
  evaluateWindows,
  nextOccurrences,
  occurrencesOf,
  verdictAt,
  wallAt,
  windowApplies,
  windowRule,
  windowTimeline,
} from "./deployment-windows";
import { instantOf, wallTimeOf } from "./wall-clock";

const BERLIN = "Europe/Berlin";
const HOUR = 3_600_000;
const MINUTE = 60_000;

function window(overrides: Partial<DeploymentWindow> = {}): DeploymentWindow {
  return {
    id: "w1",
    name: "Weekend",
    kind: "DENY",
    environments: ["PROD"],
    products: [],
    rule: "FREQ=WEEKLY;BYDAY=FR",
    startTime: "14:00",
    durationMinutes: 66 * 60,
    startsOn: "2026-01-01",
    ...overrides,
  };
}

const iso = (instant: number) => new Date(instant).toISOString();

describe("wall clock", () => {
  it("reads a summer and a winter time with their offsets", () => {
    expect(iso(instantOf(wallAt("2026-07-01", "12:00"), BERLIN))).toBe("2026-07-01T10:00:00.000Z");
    expect(iso(instantOf(wallAt("2026-12-01", "12:00"), BERLIN))).toBe("2026-12-01T11:00:00.000Z");
  });

  it("reads a time in the spring gap with the offset before it (RFC 5545): 02:30 is 03:30 summer time", () => {
    expect(iso(instantOf(wallAt("2026-03-29", "02:30"), BERLIN))).toBe("2026-03-29T01:30:00.000Z");
  });

  it("reads a time that happens twice in autumn as the first of the two", () => {
    expect(iso(instantOf(wallAt("2026-10-25", "02:30"), BERLIN))).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("deployment windows", () => {
  it("keep their wall-clock times over a daylight-saving change: Friday 14:00 to Monday 08:00", () => {
    // The clocks go back in the night to Sunday 25 October 2026: this weekend lasts 67 hours.
    const [autumn] = occurrencesOf(
      window(),
      BERLIN,
      Date.parse("2026-10-23T00:00:00Z"),
      Date.parse("2026-10-24T00:00:00Z"),
    );
    expect(iso(autumn!.start)).toBe("2026-10-23T12:00:00.000Z");
    expect(iso(autumn!.end)).toBe("2026-10-26T07:00:00.000Z");
    expect((autumn!.end - autumn!.start) / HOUR).toBe(67);
    // …and the one over the spring change 65.
    const [spring] = occurrencesOf(
      window(),
      BERLIN,
      Date.parse("2026-03-27T00:00:00Z"),
      Date.parse("2026-03-28T00:00:00Z"),
    );
    expect(iso(spring!.end)).toBe("2026-03-30T06:00:00.000Z");
    expect((spring!.end - spring!.start) / HOUR).toBe(65);
  });

  it("expand their rule from the first day, at the start time", () => {
    const next = nextOccurrences(
      window({ rule: "FREQ=MONTHLY;BYDAY=1TU", startTime: "09:30", durationMinutes: 90 }),
      BERLIN,
      Date.parse("2026-12-06T12:00:00Z"),
      3,
    );
    expect(next.map((found) => iso(found.startWall))).toEqual([
      "2027-01-05T09:30:00.000Z",
      "2027-02-02T09:30:00.000Z",
      "2027-03-02T09:30:00.000Z",
    ]);
    expect(iso(next[0]!.start)).toBe("2027-01-05T08:30:00.000Z");
  });

  it("list the one running now among the next occurrences", () => {
    const now = Date.parse("2026-12-05T10:00:00Z"); // a Saturday, inside the weekend window
    const [running] = nextOccurrences(window(), BERLIN, now, 1);
    expect(iso(running!.start)).toBe("2026-12-04T13:00:00.000Z");
  });

  it("refuse a rule that never fires (422 EMPTY_RULE) and a malformed one (400)", () => {
    const never = () => assertRuleFires(window({ rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" }));
    expect(never).toThrow(AppError);
    try {
      never();
    } catch (error) {
      expect((error as AppError).code).toBe("EMPTY_RULE");
    }
    expect(() => windowRule(window({ rule: "FREQ=SOMETIMES" }))).toThrow(/Invalid rule/);
    expect(() => windowRule(window({ rule: "FREQ=DAILY;BYHOUR=3" }))).toThrow(/BYHOUR/);
    expect(() => assertRuleFires(window({ rule: "FREQ=WEEKLY;COUNT=2" }))).not.toThrow();
  });

  it("speak for their environments, and for their products when they name some", () => {
    expect(windowApplies(window(), "PROD", "payments")).toBe(true);
    expect(windowApplies(window(), "PREPROD", "payments")).toBe(false);
    expect(windowApplies(window({ products: ["billing"] }), "PROD", "payments")).toBe(false);
    expect(windowApplies(window({ products: ["billing"] }), "PROD", "billing")).toBe(true);
    expect(windowApplies(window({ products: ["billing"] }), "PROD", null)).toBe(false);
  });

  it("close the gate inside a deny window and say until when", () => {
    const now = Date.parse("2026-12-04T14:00:00Z"); // Friday 15:00 in Berlin
    const verdict = evaluateWindows({ windows: [window()], freezes: [], timeZone: BERLIN }, now);
    expect(verdict.reasons).toEqual([
      {
        code: "DENY_WINDOW",
        message: "The deny window 'Weekend' runs until 2026-12-07 08:00 (Europe/Berlin).",
      },
    ]);
    expect(iso(verdict.nextOpen!)).toBe("2026-12-07T07:00:00.000Z");
    expect(verdict.until).toBeNull();
  });

  it("close it outside every allow window, and open it inside one until it ends", () => {
    const allow = window({
      kind: "ALLOW",
      name: "Office hours",
      rule: "FREQ=WEEKLY;BYDAY=TU,WE,TH",
      startTime: "09:00",
      durationMinutes: 7 * 60,
    });
    const rules = { windows: [allow], freezes: [], timeZone: BERLIN };
    const monday = evaluateWindows(rules, Date.parse("2026-12-07T10:00:00Z"));
    expect(monday.reasons.map((reason) => reason.code)).toEqual(["OUTSIDE_ALLOW_WINDOW"]);
    expect(monday.reasons[0]!.message).toContain("opens 2026-12-08 09:00");
    expect(iso(monday.nextOpen!)).toBe("2026-12-08T08:00:00.000Z");
    const tuesday = evaluateWindows(rules, Date.parse("2026-12-08T10:00:00Z"));
    expect(tuesday.reasons).toEqual([]);
    expect(iso(tuesday.until!)).toBe("2026-12-08T15:00:00.000Z");
  });

  it("count a freeze as whole company days, and an exception lifts windows and freezes", () => {
    const rules = {
      windows: [],
      freezes: [{ name: "Year-end", start: "2026-12-21", end: "2027-01-04" }],
      timeZone: BERLIN,
    };
    const inside = evaluateWindows(rules, Date.parse("2026-12-20T23:30:00Z")); // 00:30 on the 21st
    expect(inside.reasons.map((reason) => reason.code)).toEqual(["FREEZE"]);
    expect(iso(inside.nextOpen!)).toBe("2027-01-04T23:00:00.000Z");
    const before = evaluateWindows(rules, Date.parse("2026-12-20T22:30:00Z"));
    expect(iso(before.until!)).toBe("2026-12-20T23:00:00.000Z");

    const exception = {
      start: Date.parse("2026-12-22T08:00:00Z"),
      end: Date.parse("2026-12-22T12:00:00Z"),
    };
    const excepted = evaluateWindows(
      { ...rules, exceptions: [exception] },
      Date.parse("2026-12-22T09:00:00Z"),
    );
    expect(excepted.reasons).toEqual([]);
    expect(excepted.until).toBe(exception.end);
  });
});

// ---------------------------------------------------------------------------------------------
// A brute-force oracle: every minute of two weeks around each daylight-saving change, its wall
// time read by a different route (toLocaleString), a wall time's instant found by scanning the
// minutes, and the gate's state, `until` and `nextOpen` by walking the minutes backwards.

type Span = { from: number; minutes: number; walls: number[] };

function spanOf(fromIso: string, days: number, timeZone: string): Span {
  const from = Date.parse(fromIso);
  const minutes = days * 1440;
  const walls: number[] = [];
  for (let index = 0; index < minutes; index++) {
    const text = new Date(from + index * MINUTE).toLocaleString("sv-SE", { timeZone });
    walls.push(Date.parse(`${text.replace(" ", "T")}Z`));
  }
  return { from, minutes, walls };
}

/** The first minute showing the wall time, else (a gap) the wall time read with the offset before. */
function instantByScan(span: Span, wall: number): number | null {
  const index = span.walls.findIndex((shown) => shown >= wall);
  if (index === -1) return null; // after the span
  if (span.walls[index] === wall) return span.from + index * MINUTE;
  if (index === 0) return null; // before the span
  const before = span.walls[index - 1]! - (span.from + (index - 1) * MINUTE);
  return wall - before;
}

function oracle(
  span: Span,
  windows: DeploymentWindow[],
  exception: { start: number; end: number } | null,
) {
  const intervals = windows.flatMap((found) => {
    const rule = windowRule(found);
    const starts = rule.between(
      new Date(span.walls[0]! - found.durationMinutes * MINUTE - 2 * 86_400_000),
      new Date(span.walls.at(-1)! + 86_400_000),
      true,
    );
    return starts.flatMap((start) => {
      const from = instantByScan(span, start.getTime());
      const to = instantByScan(span, start.getTime() + found.durationMinutes * MINUTE);
      const first = span.from;
      const last = span.from + span.minutes * MINUTE;
      // An end beyond the span runs to its end; a start before it from its beginning.
      const startAt = from ?? (start.getTime() < span.walls[0]! ? first - 1 : last + 1);
      const endAt =
        to ??
        (start.getTime() + found.durationMinutes * MINUTE < span.walls[0]! ? first - 1 : last + 1);
      return [{ kind: found.kind, start: startAt, end: endAt }];
    });
  });
  const hasAllow = windows.some((found) => found.kind === "ALLOW");
  const closed: boolean[] = [];
  for (let index = 0; index < span.minutes; index++) {
    const at = span.from + index * MINUTE;
    const covers = (interval: { start: number; end: number }) =>
      interval.start <= at && at < interval.end;
    const excepted = exception !== null && covers(exception);
    const denied = intervals.some((interval) => interval.kind === "DENY" && covers(interval));
    const allowed = intervals.some((interval) => interval.kind === "ALLOW" && covers(interval));
    closed.push(!excepted && (denied || (hasAllow && !allowed)));
  }
  // The minute of the next flip, walking backwards (null: none within the span).
  const next: (number | null)[] = new Array(span.minutes).fill(null);
  for (let index = span.minutes - 2; index >= 0; index--) {
    next[index] =
      closed[index + 1] !== closed[index] ? span.from + (index + 1) * MINUTE : next[index + 1]!;
  }
  return { closed, next };
}

const RULES = [
  "FREQ=DAILY",
  "FREQ=WEEKLY;BYDAY=FR",
  "FREQ=WEEKLY;BYDAY=SA,SU",
  "FREQ=WEEKLY;BYDAY=TU,WE,TH",
  "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
  "FREQ=MONTHLY;BYMONTHDAY=-1",
  "FREQ=DAILY;COUNT=5",
];
// Start times around the changes (02:00–03:00 is the spring gap and the autumn repeat).
const TIMES = ["00:00", "01:30", "02:00", "02:30", "02:59", "03:00", "09:00", "14:00", "23:45"];

const windowArbitrary = fc.record({
  kind: fc.constantFrom("ALLOW" as const, "DENY" as const),
  rule: fc.constantFrom(...RULES),
  startTime: fc.constantFrom(...TIMES),
  durationMinutes: fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 181, max: 5000 })),
  startsOn: fc.constantFrom("2026-01-01", "2026-03-25", "2026-10-20"),
});

describe.each([
  ["spring", "2026-03-22T00:00:00Z"],
  ["autumn", "2026-10-18T00:00:00Z"],
])("windows against a minute-by-minute scan of two weeks (%s change)", (_, fromIso) => {
  const span = spanOf(fromIso, 14, BERLIN);

  it("agree on every minute: closed or open, until and nextOpen", () => {
    fc.assert(
      fc.property(
        fc.array(windowArbitrary, { minLength: 1, maxLength: 3 }),
        fc.option(
          fc.tuple(fc.integer({ min: 0, max: 13 * 1440 }), fc.integer({ min: 1, max: 4320 })),
        ),
        (drafts, exceptionDraft) => {
          const windows = drafts.map((draft, index) =>
            window({ ...draft, id: `w${index}`, name: `W${index}` }),
          );
          const exception = exceptionDraft
            ? {
                start: span.from + exceptionDraft[0] * MINUTE,
                end: span.from + (exceptionDraft[0] + exceptionDraft[1]) * MINUTE,
              }
            : null;
          const expected = oracle(span, windows, exception);
          const end = span.from + span.minutes * MINUTE;
          const timeline = windowTimeline(
            { windows, freezes: [], timeZone: BERLIN, exceptions: exception ? [exception] : [] },
            span.from,
            end,
          );
          for (let index = 0; index < span.minutes; index++) {
            const at = span.from + index * MINUTE;
            const closed = closedAt(timeline, at);
            if (closed !== expected.closed[index]) {
              throw new Error(
                `${iso(at)}: closed ${closed}, the scan says ${expected.closed[index]}`,
              );
            }
            const verdict = verdictAt(timeline, at);
            const flip = closed ? verdict.nextOpen : verdict.until;
            const wanted = expected.next[index];
            // Beyond the span the scan cannot tell: the timeline may know more.
            const agrees = wanted === null ? flip === null || flip >= end : flip === wanted;
            if (!agrees) {
              throw new Error(
                `${iso(at)}: next change ${flip && iso(flip)}, the scan says ${wanted && iso(wanted)}`,
              );
            }
            if (closed !== verdict.reasons.length > 0)
              throw new Error(`${iso(at)}: reasons disagree`);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("reads wall times the way the scan does", () => {
    for (let index = 0; index < span.minutes; index += 7) {
      expect(wallTimeOf(span.from + index * MINUTE, BERLIN)).toBe(span.walls[index]);
    }
  });
});

import { describe, expect, it } from "vitest";

import { type DeploymentWindow, occurrencesOf } from "./deployment-windows";
import {
  cronAt,
  cronOf,
  crossesOffsetChange,
  exportEntries,
  gapsBetween,
  goDuration,
} from "./window-export";

function window(rule: string, overrides: Partial<DeploymentWindow> = {}): DeploymentWindow {
  return {
    id: "w",
    name: "W",
    kind: "DENY",
    environments: ["PROD"],
    products: [],
    rule,
    startTime: "14:00",
    durationMinutes: 66 * 60,
    startsOn: "2026-01-02",
    ...overrides,
  };
}

const TODAY = "2026-12-06";

describe("cron of a window", () => {
  it("states weekly, daily and monthly rules exactly, with the end where it can", () => {
    expect(cronOf(window("FREQ=WEEKLY;BYDAY=FR"), TODAY)).toEqual({
      start: "0 14 * * 5",
      end: "0 8 * * 1", // Friday 14:00 + 66 h = Monday 08:00
    });
    expect(
      cronOf(
        window("FREQ=WEEKLY;BYDAY=TU,WE,TH", { startTime: "09:00", durationMinutes: 420 }),
        TODAY,
      ),
    ).toEqual({ start: "0 9 * * 2,3,4", end: "0 16 * * 2,3,4" });
    expect(
      cronOf(window("FREQ=DAILY", { startTime: "22:30", durationMinutes: 480 }), TODAY),
    ).toEqual({
      start: "30 22 * * *",
      end: "30 6 * * *",
    });
    expect(cronOf(window("FREQ=MONTHLY;BYMONTHDAY=1,15", { durationMinutes: 60 }), TODAY)).toEqual({
      start: "0 14 1,15 * *",
      end: "0 15 1,15 * *",
    });
    expect(cronOf(window("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"), TODAY)?.start).toBe(
      "0 14 24 12 *",
    );
  });

  it("gives no end cron where windows overlap or months differ in length", () => {
    // Saturday and Sunday for 66 h each overlap: a freeze from one start to the next end would not.
    expect(cronOf(window("FREQ=WEEKLY;BYDAY=SA,SU"), TODAY)?.end).toBeNull();
    expect(cronOf(window("FREQ=MONTHLY;BYMONTHDAY=28"), TODAY)?.end).toBeNull();
  });

  it("refuses what cron cannot say: intervals, nth weekdays, last days, counts, a first day to come", () => {
    for (const rule of [
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
      "FREQ=MONTHLY;BYDAY=1TU",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      "FREQ=WEEKLY;COUNT=3",
      "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR",
    ]) {
      expect(cronOf(window(rule), TODAY), rule).toBeNull();
    }
    expect(cronOf(window("FREQ=WEEKLY", { startsOn: "2027-01-01" }), TODAY)).toBeNull();
  });

  it("writes single occurrences and Go durations", () => {
    expect(cronAt(Date.parse("2027-03-05T09:30:00Z"))).toBe("30 9 5 3 *");
    expect(goDuration(3960)).toBe("66h");
    expect(goDuration(90)).toBe("1h30m");
    expect(goDuration(45)).toBe("45m");
  });
});

describe("export entries", () => {
  it("know which occurrences a daylight-saving change falls into", () => {
    const found = occurrencesOf(
      window("FREQ=WEEKLY;BYDAY=FR"),
      "Europe/Berlin",
      Date.parse("2026-10-16T00:00:00Z"),
      Date.parse("2026-11-01T00:00:00Z"),
    );
    expect(found.map(crossesOffsetChange)).toEqual([false, true, false]);
  });

  it("add freezes as whole days, cron for a yearly one", () => {
    const [entry] = exportEntries({
      windows: [],
      freezes: [{ name: "Year-end", start: "2026-12-20", end: "2027-01-06", recurrence: "YEARLY" }],
      timeZone: "Europe/Berlin",
      now: Date.parse("2026-12-06T10:00:00Z"),
      today: TODAY,
    });
    expect(entry!.cron).toEqual({ start: "0 0 20 12 *", end: "0 0 7 1 *" });
    expect(entry!.durationMinutes).toBe(18 * 1440);
    expect(new Date(entry!.occurrences[0]!.start).toISOString()).toBe("2026-12-19T23:00:00.000Z");
  });

  it("find the gaps between allow windows", () => {
    const gaps = gapsBetween(
      [
        { start: 10, end: 20 } as never,
        { start: 15, end: 30 } as never,
        { start: 40, end: 50 } as never,
      ],
      0,
      60,
    );
    expect(gaps).toEqual([
      { start: 0, end: 10 },
      { start: 30, end: 40 },
      { start: 50, end: 60 },
    ]);
  });
});

import { describe, expect, it } from "vitest";

import { moveToTell } from "./watching";
import { WorkingDayCalendar } from "./working-days";

const calendar = new WorkingDayCalendar("DE-BW");

describe("moveToTell", () => {
  it("tells a move of more working days than the threshold, later or earlier", () => {
    // Mon 7 Dec 2026 → Thu 10 Dec: 3 working days later.
    expect(moveToTell("2026-12-07", "2026-12-10", 2, calendar)).toEqual({
      from: "2026-12-07",
      to: "2026-12-10",
      workingDays: 3,
    });
    expect(moveToTell("2026-12-10", "2026-12-07", 2, calendar)?.workingDays).toBe(-3);
  });

  it("keeps quiet up to the threshold", () => {
    expect(moveToTell("2026-12-07", "2026-12-09", 2, calendar)).toBeNull();
    expect(moveToTell("2026-12-07", "2026-12-07", 0, calendar)).toBeNull();
    expect(moveToTell("2026-12-07", "2026-12-08", 0, calendar)?.workingDays).toBe(1);
  });

  it("counts working days: a weekend and the Christmas holidays are no move", () => {
    // Fri 11 Dec → Mon 14 Dec is one working day.
    expect(moveToTell("2026-12-11", "2026-12-14", 0, calendar)?.workingDays).toBe(1);
    // Wed 23 Dec → Mon 28 Dec: 24th is a working day in DE-BW, 25th and 26th are holidays.
    expect(moveToTell("2026-12-23", "2026-12-28", 2, calendar)).toBeNull();
  });
});

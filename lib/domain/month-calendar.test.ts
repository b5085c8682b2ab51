import { describe, expect, it } from "vitest";

import { packLanes } from "./lanes";
import { layoutWeek, monthGrid, monthLabel, monthWeeks, shiftMonth } from "./month-calendar";

describe("month grid", () => {
  it("starts on the Monday on or before the 1st and always shows six weeks", () => {
    const grid = monthGrid("2027-03-01"); // a Monday
    expect(grid[0]).toBe("2027-03-01");
    expect(grid).toHaveLength(42);
    expect(monthGrid("2026-11-01")[0]).toBe("2026-10-26"); // a Sunday: the week before
  });

  it("drops a last week that lies wholly in the next month", () => {
    expect(monthWeeks("2027-02-01")).toHaveLength(4); // February 2027: Mon 1 to Sun 28
    expect(monthWeeks("2026-11-01")).toHaveLength(6);
  });

  it("moves between months across years", () => {
    expect(shiftMonth("2026-12-01", 1)).toBe("2027-01-01");
    expect(shiftMonth("2027-01-15", -1)).toBe("2026-12-01");
    expect(shiftMonth("2027-01-01", -13)).toBe("2025-12-01");
    expect(monthLabel("2027-01-01")).toBe("Jan 2027");
  });
});

describe("packLanes", () => {
  it("puts ranges that share a day into different lanes and reuses freed lanes", () => {
    const lanes = packLanes([
      { start: "2027-03-01", end: "2027-03-03" },
      { start: "2027-03-03", end: "2027-03-05" },
      { start: "2027-03-04", end: "2027-03-06" },
      { start: "2027-03-08", end: "2027-03-09" },
    ]).map((entry) => entry.lane);
    expect(lanes).toEqual([0, 1, 0, 0]);
  });

  it("never places an earlier range into a lane that is taken later", () => {
    const lanes = packLanes([
      { start: "2027-03-10", end: "2027-03-12" },
      { start: "2027-03-01", end: "2027-03-02" },
    ]).map((entry) => entry.lane);
    expect(lanes).toEqual([0, 1]);
  });
});

describe("layoutWeek", () => {
  const week = [
    "2027-03-01",
    "2027-03-02",
    "2027-03-03",
    "2027-03-04",
    "2027-03-05",
    "2027-03-06",
    "2027-03-07",
  ];

  it("clips each stage to the week and keeps a release in one lane", () => {
    const release = {
      id: "a",
      stages: [
        { start: "2027-02-24", end: "2027-03-02" },
        { start: "2027-03-03", end: "2027-03-11" },
      ],
    };
    const { entries, lanes } = layoutWeek(week, [release]);
    expect(lanes).toBe(1);
    expect(entries[0]!.bars).toEqual([
      {
        stageIndex: 0,
        column: 0,
        span: 2,
        clippedStart: true,
        clippedEnd: false,
        subLane: 0,
        startsMidDay: false,
        endsMidDay: false,
      },
      {
        stageIndex: 1,
        column: 2,
        span: 5,
        clippedStart: false,
        clippedEnd: true,
        subLane: 0,
        startsMidDay: false,
        endsMidDay: false,
      },
    ]);
  });

  it("leaves out releases without a stage in the week and stacks those that overlap", () => {
    const a = { id: "a", stages: [{ start: "2027-03-01", end: "2027-03-02" }] };
    const b = { id: "b", stages: [{ start: "2027-03-02", end: "2027-03-04" }] };
    const c = { id: "c", stages: [{ start: "2027-03-04", end: "2027-03-05" }] };
    const outside = { id: "d", stages: [{ start: "2027-03-08", end: "2027-03-09" }] };
    const { entries, lanes } = layoutWeek(week, [a, b, c, outside]);
    expect(entries.map((e) => [e.release.id, e.lane])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 0],
    ]);
    expect(lanes).toBe(2);
  });

  it("stacks a release's stages that share a day (signed off the day they opened) instead of overlapping them", () => {
    const quick = {
      id: "q",
      stages: [
        { start: "2027-03-03", end: "2027-03-03" },
        { start: "2027-03-03", end: "2027-03-03" },
        { start: "2027-03-03", end: "2027-03-05" },
      ],
    };
    const other = { id: "o", stages: [{ start: "2027-03-01", end: "2027-03-01" }] };
    const { entries, lanes } = layoutWeek(week, [quick, other]);
    expect(entries[0]!.bars.map((b) => b.subLane)).toEqual([0, 1, 2]);
    expect(entries[0]!.height).toBe(3);
    // Placed after it, the other release goes below the stack (lanes are never filled backwards).
    expect(entries[1]!.lane).toBe(3);
    expect(lanes).toBe(4);
  });

  it("puts a handover day (signed off the day the next stage opened) in one lane, half a day each", () => {
    const handover = {
      id: "h",
      stages: [
        { start: "2027-03-01", end: "2027-03-03" },
        { start: "2027-03-03", end: "2027-03-05" },
      ],
    };
    const { entries, lanes } = layoutWeek(week, [handover]);
    expect(lanes).toBe(1);
    expect(entries[0]!.bars.map((b) => [b.subLane, b.startsMidDay, b.endsMidDay])).toEqual([
      [0, false, true],
      [0, true, false],
    ]);
  });
});

describe("packLanes with heights", () => {
  it("finds room for all the lanes an item needs", () => {
    const placed = packLanes([
      { start: "2027-03-01", end: "2027-03-05" },
      { start: "2027-03-03", end: "2027-03-04", height: 2 },
      { start: "2027-03-06", end: "2027-03-07", height: 3 },
    ]).map((entry) => entry.lane);
    expect(placed).toEqual([0, 1, 0]);
  });
});

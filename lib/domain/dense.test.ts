import { describe, expect, it } from "vitest";

import {
  cutLanes,
  drawWhileBudgetLasts,
  cutRows,
  GROUP_ROW_MINIMUM,
  groupRowLimit,
  MAX_VIEW_ROWS,
  readRowLimit,
  VIEW_ROW_LIMIT,
} from "./dense";

describe("cutRows", () => {
  const rows = ["a", "b", "b-patch", "b-patch2", "c", "d"];
  const isPatch = (row: string) => row.includes("-patch");

  it("keeps the first rows in order and counts the rest", () => {
    expect(cutRows(rows, 1, isPatch)).toEqual({ shown: ["a"], hidden: 5 });
    expect(cutRows(rows, 10, isPatch)).toEqual({ shown: rows, hidden: 0 });
    expect(cutRows([], 3)).toEqual({ shown: [], hidden: 0 });
  });

  it("never cuts a release from the patches under it", () => {
    expect(cutRows(rows, 2, isPatch)).toEqual({
      shown: ["a", "b", "b-patch", "b-patch2"],
      hidden: 2,
    });
    expect(cutRows(rows, 3, isPatch).shown).toEqual(["a", "b", "b-patch", "b-patch2"]);
  });
});

describe("groupRowLimit", () => {
  it("shares the view's rows among the groups, never fewer than the minimum", () => {
    expect(groupRowLimit(60, 1)).toBe(60);
    expect(groupRowLimit(60, 4)).toBe(15);
    expect(groupRowLimit(60, 50)).toBe(GROUP_ROW_MINIMUM);
    expect(groupRowLimit(60, 0)).toBe(60);
  });
});

describe("cutLanes", () => {
  it("draws what fits in the first lanes and returns the rest", () => {
    const packed = [
      { id: "a", lane: 0 },
      { id: "b", lane: 1 },
      { id: "c", lane: 2 },
      { id: "d", lane: 1, height: 2 },
    ];
    const { shown, hidden } = cutLanes(packed, 2, (item) => item.height ?? 1);
    expect(shown.map((item) => item.id)).toEqual(["a", "b"]);
    expect(hidden.map((item) => item.id)).toEqual(["c", "d"]);
  });
});

describe("readRowLimit", () => {
  it("reads a bounded number and falls back to the default", () => {
    expect(readRowLimit(undefined)).toBe(VIEW_ROW_LIMIT);
    expect(readRowLimit("120")).toBe(120);
    expect(readRowLimit("5")).toBe(VIEW_ROW_LIMIT);
    expect(readRowLimit("9999")).toBe(MAX_VIEW_ROWS);
    for (const bad of ["-1", "1e3", "abc", "12\u0000", ["120"], "99999999"])
      expect(readRowLimit(bad)).toBe(VIEW_ROW_LIMIT);
  });
});

describe("drawWhileBudgetLasts", () => {
  it("draws items while budget is left and leaves the rest undrawn", () => {
    const drawn: number[] = [];
    const result = drawWhileBudgetLasts(
      [3, 4, 2, 5, 1],
      (lanes) => {
        drawn.push(lanes);
        return { lanes };
      },
      (item) => item.lanes,
      8,
    );
    // 3 + 4 = 7 leaves 1: the third is still drawn (over budget), nothing after it.
    expect(result).toEqual([{ lanes: 3 }, { lanes: 4 }, { lanes: 2 }, null, null]);
    expect(drawn).toEqual([3, 4, 2]);
    expect(
      drawWhileBudgetLasts(
        [1, 2],
        (n) => n,
        (n) => n,
        0,
      ),
    ).toEqual([null, null]);
  });
});

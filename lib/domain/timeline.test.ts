import { describe, expect, it } from "vitest";

import { groupByProduct, readGrouping } from "./grouping";
import { handovers, monthsInRange, placeInRange, shiftRange, timelineRange } from "./timeline";

describe("timelineRange", () => {
  it("starts on a Monday a week before today and spans the zoom", () => {
    expect(timelineRange("6w", "2027-03-10")).toEqual({
      zoom: "6w",
      start: "2027-03-01",
      end: "2027-04-11",
      days: 42,
    });
    expect(timelineRange("quarter", "2027-03-10", "2027-03-17")).toMatchObject({
      start: "2027-03-15",
      days: 91,
    });
    expect(shiftRange(timelineRange("6w", "2027-03-10"), 1)).toBe("2027-03-29");
  });
});

describe("placeInRange", () => {
  const range = timelineRange("6w", "2027-03-10"); // 1 Mar – 11 Apr

  it("places a window by calendar days", () => {
    expect(placeInRange(range, "2027-03-01", "2027-03-01")).toEqual({
      left: 0,
      width: 1 / 42,
      clippedStart: false,
      clippedEnd: false,
    });
    expect(placeInRange(range, "2027-03-08", "2027-03-14")).toMatchObject({
      left: 7 / 42,
      width: 7 / 42,
    });
  });

  it("clips windows reaching outside and drops those fully outside", () => {
    expect(placeInRange(range, "2027-02-20", "2027-03-02")).toMatchObject({
      left: 0,
      width: 2 / 42,
      clippedStart: true,
    });
    expect(placeInRange(range, "2027-04-10", "2027-05-01")).toMatchObject({
      left: 40 / 42,
      width: 2 / 42,
      clippedEnd: true,
    });
    expect(placeInRange(range, "2027-04-12", "2027-04-20")).toBeUndefined();
  });
});

it("labels the months of a view", () => {
  const months = monthsInRange(timelineRange("6w", "2027-03-10"));
  expect(months.map((m) => m.label)).toEqual(["Mar 2027", "Apr 2027"]);
  expect(months[0]).toMatchObject({ left: 0, width: 31 / 42 });
});

describe("handovers", () => {
  it("splits a day two stages share, unless one of them is that day alone", () => {
    expect(
      handovers([
        { start: "2027-03-01", end: "2027-03-03" },
        { start: "2027-03-03", end: "2027-03-05" },
        { start: "2027-03-05", end: "2027-03-05" },
        { start: "2027-03-08", end: "2027-03-09" },
      ]),
    ).toEqual([
      { startsMidDay: false, endsMidDay: true },
      { startsMidDay: true, endsMidDay: false },
      { startsMidDay: false, endsMidDay: false },
      { startsMidDay: false, endsMidDay: false },
    ]);
  });
});

describe("grouping by product", () => {
  const row = (name: string, product: string, depth: 0 | 1 = 0) => ({
    name,
    depth,
    product: { key: product.toLowerCase(), name: product },
  });

  it("groups rows by product name, keeping their order and patches under their release", () => {
    const groups = groupByProduct(
      [
        row("Payments 3.4", "Payments"),
        row("Portal 2027.02", "Portal"),
        // A patch of the portal release filed under another product stays with its release.
        row("Portal 2027.02.1", "Billing", 1),
        row("Billing 2027.01", "Billing"),
        row("Payments 3.5", "Payments"),
      ],
      (item) => item.depth === 1,
    );
    expect(groups.map((g) => [g.product.name, g.items.map((i) => i.name)])).toEqual([
      ["Billing", ["Billing 2027.01"]],
      ["Payments", ["Payments 3.4", "Payments 3.5"]],
      ["Portal", ["Portal 2027.02", "Portal 2027.02.1"]],
    ]);
    expect(readGrouping("product")).toBe("product");
    expect(readGrouping(["product", "x"])).toBeUndefined();
  });
});

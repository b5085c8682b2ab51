import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { laneCount, packLanes, type Span } from "./lanes";

/** The rule written plainly: each item, in order, at the first lane from which `height` are free. */
function firstFit(items: readonly Span[]): number[] {
  const laneEnds: (string | number | undefined)[] = [];
  return items.map((item) => {
    const height = item.height ?? 1;
    const fits = (lane: number) =>
      Array.from({ length: height }, (_, i) => laneEnds[lane + i]).every(
        (end) => end === undefined || end < item.start,
      );
    let lane = 0;
    while (!fits(lane)) lane++;
    for (let i = 0; i < height; i++) laneEnds[lane + i] = item.end;
    return lane;
  });
}

describe("packing ranges into lanes", () => {
  it("stacks overlapping ranges and reuses a lane once its range has ended", () => {
    const packed = packLanes([
      { start: "2027-03-01", end: "2027-03-05" },
      { start: "2027-03-03", end: "2027-03-04" },
      { start: "2027-03-06", end: "2027-03-08" },
      { start: "2027-03-05", end: "2027-03-09" },
    ]);
    expect(packed.map(({ lane }) => lane)).toEqual([0, 1, 0, 1]);
    expect(laneCount(packed)).toBe(2);
  });

  it("finds room for a tall item above the busy lanes", () => {
    const packed = packLanes([
      { start: 0, end: 9 },
      { start: 0, end: 1 },
      { start: 2, end: 3, height: 2 },
    ]);
    expect(packed.map(({ lane }) => lane)).toEqual([0, 1, 1]);
    expect(laneCount(packed)).toBe(3);
  });

  it("places every item where the plain first-fit rule does, in any order", () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10 }), fc.nat(3))
      .map(([start, length, extra]) => ({ start, end: start + length, height: 1 + (extra % 3) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 80 }), (items) => {
        expect(packLanes(items).map(({ lane }) => lane)).toEqual(firstFit(items));
      }),
      { numRuns: 300 },
    );
  });
});

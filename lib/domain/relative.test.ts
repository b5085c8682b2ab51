import { describe, expect, it } from "vitest";

import { describeWorkingDayDistance, workingDaysUntil } from "./relative";
import { WorkingDayCalendar } from "./working-days";

const bw = new WorkingDayCalendar("DE-BW");

describe("workingDaysUntil", () => {
  it("counts working days ahead and behind, skipping weekends and holidays", () => {
    expect(workingDaysUntil("2027-03-25", "2027-03-30", bw)).toBe(1); // Good Friday, weekend, Easter Monday
    expect(workingDaysUntil("2027-03-30", "2027-03-25", bw)).toBe(-1);
    expect(workingDaysUntil("2027-03-15", "2027-03-15", bw)).toBe(0);
  });

  it("counts from a weekend to the next working day as one", () => {
    expect(workingDaysUntil("2027-03-13", "2027-03-15", bw)).toBe(1);
    expect(workingDaysUntil("2027-03-13", "2027-03-12", bw)).toBe(-1);
  });
});

it("words the distance", () => {
  expect(describeWorkingDayDistance(0)).toBe("today");
  expect(describeWorkingDayDistance(1)).toBe("in 1 working day");
  expect(describeWorkingDayDistance(-3)).toBe("3 working days ago");
});

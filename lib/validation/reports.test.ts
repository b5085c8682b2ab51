import { describe, expect, it } from "vitest";

import { reportPeriod, reportQuerySchema } from "./reports";

describe("the report's period", () => {
  it("refuses bounds that are not dates, whatever they hold, without throwing", () => {
    for (const [from, to] of [
      ["\u{F315C}\u{ECAF3}", "\u{F315C}\u{ECAF3}\u{C5331}\u{3F0A7}"],
      ["2027-01-01", "2027-1-1x"],
      ["nope", "2027-01-01"],
      ["2027-02-30", "2027-03-01"],
    ]) {
      expect(reportQuerySchema.safeParse({ from, to }).success, `${from} → ${to}`).toBe(false);
    }
  });

  it("refuses a period backwards or longer than ten years, and keeps one within them", () => {
    expect(reportQuerySchema.safeParse({ from: "2027-02-01", to: "2027-01-01" }).success).toBe(
      false,
    );
    expect(reportQuerySchema.safeParse({ from: "2020-01-01", to: "2031-01-01" }).success).toBe(
      false,
    );
    const query = reportQuerySchema.parse({ to: "2098-12-31" });
    expect(reportPeriod(query, "2026-12-02")).toEqual({ from: "2088-12-23", to: "2098-12-31" });
  });
});

import { describe, expect, it } from "vitest";

import { toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a header and rows with CRLF, empty cells for missing values", () => {
    expect(
      toCsv(
        ["name", "go_live", "slip"],
        [
          ["Billing 1.0", "2027-03-15", 2],
          ["Search", null, -1],
        ],
      ),
    ).toBe("name,go_live,slip\r\nBilling 1.0,2027-03-15,2\r\nSearch,,-1\r\n");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(toCsv(["a"], [['Portal, "new"\nline']])).toBe('a\r\n"Portal, ""new""\nline"\r\n');
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(toCsv(["a", "b", "c"], [["=HYPERLINK(1)", "+1", "@SUM(A1)"]])).toBe(
      "a,b,c\r\n'=HYPERLINK(1),'+1,'@SUM(A1)\r\n",
    );
    expect(toCsv(["n"], [[-3]])).toBe("n\r\n-3\r\n"); // numbers stay numbers
  });
});

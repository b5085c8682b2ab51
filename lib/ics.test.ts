import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import { buildCalendar, escapeText, foldLine } from "./ics";

describe("foldLine", () => {
  it("keeps short lines and folds long ones at 75 octets without splitting characters", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const long = `DESCRIPTION:${"Größe ".repeat(30)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((line, i) => (i === 0 ? line : line.slice(1)))
        .join(""),
    ).toBe(long);
  });

  it("folds at exactly 75 octets, 74 on continuation lines, keeping 4-octet characters whole", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
    expect(foldLine("x".repeat(75 + 74 + 1))).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(74)}\r\n x`);
    // 73 ASCII octets, then a 4-octet emoji that would end at 77: it starts the next line.
    const emoji = `${"x".repeat(73)}🚀🚀`;
    expect(foldLine(emoji)).toBe(`${"x".repeat(73)}\r\n 🚀🚀`);
    // Twenty-five 3-octet characters (75 octets) fit; a 26th does not.
    expect(foldLine("€".repeat(25))).toBe("€".repeat(25));
    expect(foldLine("€".repeat(26))).toBe(`${"€".repeat(25)}\r\n €`);
  });
});

it("escapes text values", () => {
  expect(escapeText("a, b; c\\d\nnext")).toBe("a\\, b\\; c\\\\d\\nnext");
});

it("turns every line break into an escaped one and drops other control characters", () => {
  // A lone CR would start a new line (and a property of the attacker's choosing) in some clients.
  expect(escapeText("Fix\rSTATUS:CANCELLED")).toBe("Fix\\nSTATUS:CANCELLED");
  expect(escapeText("a\r\nb\u2028c")).toBe("a\\nb\\nc");
  expect(escapeText("bell\u0007 tab\t nul\u0000 esc\u001b del\u007f")).toBe(
    "bell tab\t nul esc del",
  );
  const ics = buildCalendar({
    name: "Feed",
    events: [
      {
        uid: "x",
        sequence: 0,
        start: "2027-03-15",
        end: "2027-03-15",
        summary: "Go-live\rX-EVIL:1",
      },
    ],
  });
  expect(ics.split("\r\n").some((line) => line.startsWith("X-EVIL"))).toBe(false);
  expect(ics).not.toMatch(/\r(?!\n)/);
});

describe("buildCalendar", () => {
  it("writes all-day events a real iCalendar parser reads back", () => {
    const ics = buildCalendar({
      name: "Release Calendar",
      now: new Date("2027-03-01T10:00:00Z"),
      events: [
        {
          uid: "stage-1@release-calendar",
          sequence: 3,
          start: "2027-03-10",
          end: "2027-03-18",
          summary: "TEST · Checkout, 3.0",
          description: "Line one\nLine two; with ümlauts",
          url: "http://localhost:3000/releases/1",
          status: "CONFIRMED",
        },
      ],
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const [vevent] = calendar.getAllSubcomponents("vevent");
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe("stage-1@release-calendar");
    expect(event.sequence).toBe(3);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2027-03-10");
    expect(event.endDate.toString()).toBe("2027-03-19"); // exclusive
    expect(event.summary).toBe("TEST · Checkout, 3.0");
    expect(event.description).toBe("Line one\nLine two; with ümlauts");
  });
});

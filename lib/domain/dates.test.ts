import { describe, expect, it } from "vitest";

import {
  addDays,
  dateToIso,
  daysBetween,
  formatDateRange,
  formatDisplayDate,
  fromDayNumber,
  isIsoDate,
  isoToDate,
  todayIn,
  toDayNumber,
  weekday,
} from "./dates";

describe("isIsoDate", () => {
  it("accepts real calendar dates", () => {
    expect(isIsoDate("2027-03-15")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });

  it.each([
    "2027-02-29",
    "2027-13-01",
    "2027-00-10",
    "2027-04-31",
    "2027-3-15",
    "15.03.2027",
    "",
    "2027-03-15T00:00",
  ])("rejects %j", (value) => expect(isIsoDate(value)).toBe(false));
});

describe("day numbers", () => {
  it("round-trips across leap days and the epoch", () => {
    for (const date of ["1969-12-31", "1970-01-01", "2028-02-29", "2035-12-31"]) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it("writes every day from 1600 to 2400 as the UTC calendar does, and far days too", () => {
    const reference = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    for (let day = toDayNumber("1600-01-01"); day <= toDayNumber("2400-12-31"); day++) {
      if (fromDayNumber(day) !== reference(day)) expect(fromDayNumber(day)).toBe(reference(day));
    }
    for (const day of [-719_528, -719_529, 2_932_896, 2_932_897, 1e6, -1e6]) {
      expect(fromDayNumber(day)).toBe(reference(day));
    }
    expect(() => fromDayNumber(0.5)).toThrow(RangeError);
  });

  it("reads the UTC calendar day of any instant, before and after the epoch", () => {
    expect(dateToIso(new Date("2027-03-15T23:59:59.999Z"))).toBe("2027-03-15");
    expect(dateToIso(new Date("1969-12-31T12:00:00Z"))).toBe("1969-12-31");
    expect(dateToIso(new Date("1900-03-01T00:00:00Z"))).toBe("1900-03-01");
    expect(() => dateToIso(new Date("not a date"))).toThrow(RangeError);
  });

  it("adds days over month and year ends", () => {
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2027-01-01", "2028-01-01")).toBe(365);
  });

  it("knows the weekday", () => {
    expect(weekday("2027-03-15")).toBe(1); // Monday
    expect(weekday("2026-11-22")).toBe(0); // Sunday
  });
});

describe("time zones", () => {
  it("takes today from the company time zone, not the server's", () => {
    const lateEveningUtc = new Date("2027-03-14T23:30:00Z");
    expect(todayIn("Europe/Berlin", lateEveningUtc)).toBe("2027-03-15");
    expect(todayIn("America/Los_Angeles", lateEveningUtc)).toBe("2027-03-14");
  });

  it("converts SQL dates without shifting a day", () => {
    expect(dateToIso(isoToDate("2027-03-15"))).toBe("2027-03-15");
    expect(isoToDate("2027-03-15").toISOString()).toBe("2027-03-15T00:00:00.000Z");
  });
});

it("formats dates the one way the UI shows them", () => {
  expect(formatDisplayDate("2027-03-15")).toBe("Mon 15 Mar 2027");
});

describe("toDayNumber", () => {
  it("agrees with the JavaScript calendar for every day from 1999 to 2101", () => {
    for (let day = toDayNumber("1999-01-01"); day <= toDayNumber("2101-12-31"); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toDayNumber(iso) !== day) throw new Error(`${iso}: ${toDayNumber(iso)} !== ${day}`);
    }
  });

  it("refuses what is not YYYY-MM-DD", () => {
    for (const bad of ["2027-3-15", "2027/03/15", "20270315xx", "2027-03-1x"]) {
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
  });
});

describe("formatDateRange", () => {
  it("writes one date, a range, or an open end", () => {
    expect(formatDateRange("2027-03-01", "2027-03-01")).toBe("Mon 1 Mar 2027");
    expect(formatDateRange("2027-03-01", "2027-03-05")).toBe("Mon 1 Mar 2027 – Fri 5 Mar 2027");
    expect(formatDateRange("2027-03-01", null)).toBe("Mon 1 Mar 2027 – ongoing");
  });
});

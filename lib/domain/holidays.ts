// Public holidays per holiday region (`DE`, `DE-BW`, `AT`, `CH-ZH`, `US-CA`, `GB-ENG`, ...), from the
// maintained date-holidays library; only holidays of type `public` count.
import Holidays from "date-holidays";

import { AppError } from "../errors";

import { addDays, type IsoDate } from "./dates";

export const DEFAULT_REGION = "DE-BW";

export type Region = { code: string; name: string };

const catalogue = new Holidays();
const holidayCache = new Map<string, Map<IsoDate, string>>();

function splitRegion(code: string): { country: string; state?: string } | undefined {
  const match = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(code);
  if (!match) return undefined;
  return { country: match[1]!, state: match[2] };
}

export function isKnownRegion(code: string): boolean {
  const parts = splitRegion(code);
  if (!parts) return false;
  const countries = catalogue.getCountries("en");
  if (!countries[parts.country]) return false;
  if (!parts.state) return true;
  return Boolean(catalogue.getStates(parts.country, "en")?.[parts.state]);
}

export function assertKnownRegion(code: string): void {
  if (!isKnownRegion(code)) {
    throw new AppError(
      "UNPROCESSABLE",
      "UNKNOWN_REGION",
      `Unknown holiday region '${code}'. Use a country code with an optional subdivision, e.g. DE, DE-BW, AT, US-CA.`,
      { region: code },
    );
  }
}

/** Every supported region: each country, then its subdivisions. */
export function listRegions(): Region[] {
  const regions: Region[] = [];
  const countries = Object.entries(catalogue.getCountries("en")).sort(([, a], [, b]) =>
    a.localeCompare(b),
  );
  for (const [country, countryName] of countries) {
    regions.push({ code: country, name: countryName });
    const states = catalogue.getStates(country, "en") ?? {};
    for (const [state, stateName] of Object.entries(states).sort(([, a], [, b]) =>
      a.localeCompare(b),
    )) {
      regions.push({ code: `${country}-${state}`, name: `${countryName}: ${stateName}` });
    }
  }
  return regions;
}

/** The public holidays of one region and year, by date, with their English names. */
export function publicHolidays(region: string, year: number): Map<IsoDate, string> {
  const cacheKey = `${region}:${year}`;
  const cached = holidayCache.get(cacheKey);
  if (cached) return cached;
  assertKnownRegion(region);
  const { country, state } = splitRegion(region)!;
  const source = state
    ? new Holidays(country, state, { languages: ["en"], types: ["public"] })
    : new Holidays(country, { languages: ["en"], types: ["public"] });
  const byDate = new Map<IsoDate, string>();
  for (const holiday of source.getHolidays(year, "en")) {
    if (holiday.type !== "public") continue;
    // `date` is the local start as "YYYY-MM-DD hh:mm:ss"; a holiday may last several days.
    const first = holiday.date.slice(0, 10);
    const days = Math.max(
      1,
      Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000),
    );
    for (let i = 0; i < days; i++) {
      const date = addDays(first, i);
      if (!byDate.has(date)) byDate.set(date, holiday.name);
    }
  }
  holidayCache.set(cacheKey, byDate);
  return byDate;
}

import { type IsoDate, todayIn } from "@/lib/domain/dates";

export const DEFAULT_COMPANY_TIME_ZONE = "Europe/Berlin";

/** The company time zone decides what "today" is (actual dates, at-risk, the today line). */
export function companyTimeZone(): string {
  return process.env.COMPANY_TIME_ZONE?.trim() || DEFAULT_COMPANY_TIME_ZONE;
}

export function companyToday(now: Date = new Date()): IsoDate {
  return todayIn(companyTimeZone(), now);
}

import "server-only";

import { type IsoDate, todayIn } from "@/lib/domain/dates";

/** Today in the company time zone (a setting), never the server's or the browser's. */
export function companyToday(timeZone: string, now: Date = new Date()): IsoDate {
  return todayIn(timeZone, now);
}

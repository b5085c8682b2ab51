import type { IsoDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { calendarFor } from "@/lib/server/calendars";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

export type DayInfo = {
  date: IsoDate;
  /** Why it is not a working day, if it is not one. */
  nonWorking?: { kind: "weekend" | "holiday" | "closure"; name?: string };
  /** The freeze window it lies in: a working day, but no go-live. */
  freeze?: { name: string; start: IsoDate; end: IsoDate };
};

/** The days between two dates that are not plain working days, for calendars and date pickers. */
export async function describeDays(region: string | undefined, from: IsoDate, to: IsoDate) {
  const settings = await getPlanningSettings();
  const resolved = region ?? settings.defaultRegion;
  assertKnownRegion(resolved);
  const calendar = calendarFor(resolved, settings.periods);
  const days: DayInfo[] = calendar.describeDays(from, to).map(({ date, reason, freeze }) => ({
    date,
    ...(reason && {
      nonWorking:
        reason.kind === "weekend" ? { kind: "weekend" } : { kind: reason.kind, name: reason.name },
    }),
    ...(freeze && { freeze }),
  }));
  return { region: resolved, from, to, days };
}

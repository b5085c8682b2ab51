import type { IsoDate } from "./dates";

/** A day that is not a plain working day, as calendars and date pickers show it. */
export type DayInfo = {
  date: IsoDate;
  /** Why it is not a working day, if it is not one. */
  nonWorking?: { kind: "weekend" | "holiday" | "closure"; name?: string };
  /** The freeze window it lies in: a working day, but no go-live. */
  freeze?: { name: string; start: IsoDate; end: IsoDate };
};

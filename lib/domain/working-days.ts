// The working-day calendar of one holiday region: Monday to Friday, minus the region's public
// holidays, minus company non-working periods (e.g. the office closure between the years).
import { addDays, type IsoDate, weekday, yearOf } from "./dates";
import { assertKnownRegion, publicHolidays } from "./holidays";

export type DateRange = { name: string; start: IsoDate; end: IsoDate };

export type NonWorkingReason =
  { kind: "weekend" } | { kind: "holiday"; name: string } | { kind: "closure"; name: string };

/** Working days are searched for at most this far; no real calendar has a longer closed stretch. */
const MAX_SEARCH_DAYS = 366;

export class WorkingDayCalendar {
  readonly region: string;
  readonly closures: readonly DateRange[];

  constructor(region: string, closures: readonly DateRange[] = []) {
    assertKnownRegion(region);
    this.region = region;
    this.closures = closures;
  }

  nonWorkingReason(date: IsoDate): NonWorkingReason | undefined {
    const day = weekday(date);
    if (day === 0 || day === 6) return { kind: "weekend" };
    const holiday = publicHolidays(this.region, yearOf(date)).get(date);
    if (holiday) return { kind: "holiday", name: holiday };
    const closure = this.closures.find((range) => range.start <= date && date <= range.end);
    if (closure) return { kind: "closure", name: closure.name };
    return undefined;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.nonWorkingReason(date) === undefined;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.step(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return this.step(date, -1);
  }

  /** From a working day, the working day `count` working days later (or earlier, if negative). */
  shiftWorkingDays(date: IsoDate, count: number): IsoDate {
    let result = date;
    const direction = count < 0 ? -1 : 1;
    for (let i = 0; i < Math.abs(count); i++) result = this.step(result, direction);
    return result;
  }

  /** Working days from `from` to `to`, both counted (0 when `to` is before `from`). */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++;
    }
    return count;
  }

  private step(date: IsoDate, direction: 1 | -1): IsoDate {
    let candidate = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      candidate = addDays(candidate, direction);
      if (this.isWorkingDay(candidate)) return candidate;
    }
    throw new RangeError(
      `No working day within ${MAX_SEARCH_DAYS} days of ${date} in ${this.region}`,
    );
  }
}

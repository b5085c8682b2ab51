// The working-day calendar of one holiday region: Monday to Friday, minus the region's public
// holidays, minus company non-working periods. It also knows the freeze windows (work goes on, no
// go-live). Built for speed: per calendar, an index over the years in use holds a flag per day, the
// number of working days before each day and the list of working days, so "n working days after",
// "the next working day" and "working days between" are O(1) lookups. The index grows lazily.
import { AppError } from "../errors";

import {
  addDays,
  dayNumberOf,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
  weekdayOfDayNumber,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
} from "./dates";
import { assertKnownRegion, publicHolidays } from "./holidays";
import { type DatedPeriod, expandPeriods, type PeriodRule } from "./periods";

export type NonWorkingReason =
  { kind: "weekend" } | { kind: "holiday"; name: string } | { kind: "closure"; name: string };

export type CalendarOptions = {
  region: string;
  /** Company non-working periods (already filtered to this region). */
  closures?: readonly PeriodRule[];
  /** Freeze windows: working days on which no go-live may be planned. */
  freezes?: readonly PeriodRule[];
};

/** Plans and calendars cover these years; anything else is refused rather than indexed. */
export { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR };

const WEEKEND = 1;
const HOLIDAY = 2;
const CLOSURE = 4;
const FROZEN = 8;
const NON_WORKING = WEEKEND | HOLIDAY | CLOSURE;

function yearOfDayNumber(day: number): number {
  return Number(fromDayNumber(day).slice(0, 4));
}

function outOfRange(detail: string): AppError {
  return new AppError(
    "UNPROCESSABLE",
    "DATE_OUT_OF_RANGE",
    `Dates must lie between ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR} (${detail}).`,
  );
}

export class WorkingDayCalendar {
  readonly region: string;
  private readonly closureRules: readonly PeriodRule[];
  private readonly freezeRules: readonly PeriodRule[];

  // The index over [firstYear, lastYear]; `i` below is a day number minus `base`.
  private firstYear = 0;
  private lastYear = -1;
  private base = 0;
  private size = 0;
  private flags = new Uint8Array(0);
  private workingBefore = new Int32Array(1); // working days in [base, base + i)
  private workingDayList = new Int32Array(0); // the k-th working day, as a day number
  private isoDates: IsoDate[] = [];
  private holidayNames = new Map<number, string>();
  private closureNames = new Map<number, string>();
  private freezeByDay = new Map<number, DatedPeriod>();

  constructor(options: CalendarOptions | string) {
    const {
      region,
      closures = [],
      freezes = [],
    } = typeof options === "string" ? { region: options } : options;
    assertKnownRegion(region);
    this.region = region;
    this.closureRules = closures;
    this.freezeRules = freezes;
  }

  // --- day-number API (the planner's hot path) ------------------------------------------------

  /** Makes sure the index covers `day` (and a margin of a year on each side). */
  cover(day: number): void {
    if (day >= this.base && day < this.base + this.size) return;
    const year = yearOfDayNumber(day);
    if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR)
      throw outOfRange(fromDayNumber(day));
    const isEmpty = this.size === 0;
    this.build(
      Math.max(FIRST_SUPPORTED_YEAR, isEmpty ? year - 1 : Math.min(this.firstYear, year - 1)),
      Math.min(LAST_SUPPORTED_YEAR, isEmpty ? year + 1 : Math.max(this.lastYear, year + 1)),
    );
  }

  isWorking(day: number): boolean {
    this.cover(day);
    return (this.flags[day - this.base]! & NON_WORKING) === 0;
  }

  isFrozen(day: number): boolean {
    this.cover(day);
    return (this.flags[day - this.base]! & FROZEN) !== 0;
  }

  /** A working day outside every freeze window: a possible go-live. */
  isGoLiveDay(day: number): boolean {
    this.cover(day);
    return (this.flags[day - this.base]! & (NON_WORKING | FROZEN)) === 0;
  }

  /**
   * The position of a day among working days (working days strictly before it). Positions stay valid
   * until the index grows, which only `cover`, `shift`, `next` and `previous` may do.
   */
  ordinal(day: number): number {
    this.cover(day);
    return this.workingBefore[day - this.base]!;
  }

  /** The working day at a position taken with `ordinal` inside an already covered range. */
  dayAtOrdinal(ordinal: number): number {
    const day = this.workingDayList[ordinal];
    if (day === undefined)
      throw new RangeError(`No working day at position ${ordinal} of the index`);
    return day;
  }

  /** From a working day, the working day `count` working days later (earlier when negative). */
  shift(day: number, count: number): number {
    for (;;) {
      const target = this.ordinal(day) + count;
      if (target >= 0 && target < this.workingDayList.length) return this.workingDayList[target]!;
      this.grow(target < 0 ? "earlier" : "later");
    }
  }

  /** The first working day strictly after `day`. */
  next(day: number): number {
    for (;;) {
      this.cover(day);
      const target = this.workingBefore[day - this.base + 1]!;
      if (target < this.workingDayList.length) return this.workingDayList[target]!;
      this.grow("later");
    }
  }

  /** The last working day strictly before `day`. */
  previous(day: number): number {
    for (;;) {
      const target = this.ordinal(day) - 1;
      if (target >= 0) return this.workingDayList[target]!;
      this.grow("earlier");
    }
  }

  /** Working days from `from` to `to`, both counted; 0 when `to` is before `from`. */
  count(from: number, to: number): number {
    if (to < from) return 0;
    this.cover(from);
    this.cover(to);
    return this.workingBefore[to - this.base + 1]! - this.workingBefore[from - this.base]!;
  }

  /** The ISO date of a day number, from a table (no Date, no allocation). */
  iso(day: number): IsoDate {
    this.cover(day);
    return this.isoDates[day - this.base]!;
  }

  // --- ISO API -----------------------------------------------------------------------------------

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(toDayNumber(date));
  }

  nonWorkingReason(date: IsoDate): NonWorkingReason | undefined {
    const day = toDayNumber(date);
    this.cover(day);
    const flags = this.flags[day - this.base]!;
    if (flags & WEEKEND) return { kind: "weekend" };
    if (flags & HOLIDAY) return { kind: "holiday", name: this.holidayNames.get(day)! };
    if (flags & CLOSURE) return { kind: "closure", name: this.closureNames.get(day)! };
    return undefined;
  }

  /** The freeze window a day lies in, if any. */
  freezeOn(date: IsoDate): DatedPeriod | undefined {
    const day = toDayNumber(date);
    this.cover(day);
    return this.freezeByDay.get(day);
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    return this.iso(this.next(toDayNumber(date)));
  }

  previousWorkingDay(date: IsoDate): IsoDate {
    return this.iso(this.previous(toDayNumber(date)));
  }

  shiftWorkingDays(date: IsoDate, count: number): IsoDate {
    return this.iso(this.shift(toDayNumber(date), count));
  }

  countWorkingDays(from: IsoDate, to: IsoDate): number {
    return this.count(toDayNumber(from), toDayNumber(to));
  }

  /** Every day from `from` to `to` that is not a plain working day: why, and any freeze. */
  describeDays(from: IsoDate, to: IsoDate): CalendarDay[] {
    const days: CalendarDay[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const reason = this.nonWorkingReason(date);
      const freeze = this.freezeOn(date);
      if (reason || freeze) days.push({ date, reason, freeze });
    }
    return days;
  }

  // --- the index ---------------------------------------------------------------------------------

  /** Extends the index by two years in one direction, within the supported years. */
  private grow(direction: "earlier" | "later"): void {
    if (direction === "earlier") {
      if (this.firstYear <= FIRST_SUPPORTED_YEAR)
        throw outOfRange("the plan would start too early");
      this.build(Math.max(FIRST_SUPPORTED_YEAR, this.firstYear - 2), this.lastYear);
    } else {
      if (this.lastYear >= LAST_SUPPORTED_YEAR) throw outOfRange("the plan would end too late");
      this.build(this.firstYear, Math.min(LAST_SUPPORTED_YEAR, this.lastYear + 2));
    }
  }

  private build(firstYear: number, lastYear: number): void {
    const base = dayNumberOf(firstYear, 1, 1);
    const size = dayNumberOf(lastYear + 1, 1, 1) - base;
    const flags = new Uint8Array(size);
    const holidayNames = new Map<number, string>();
    const closureNames = new Map<number, string>();
    const freezeByDay = new Map<number, DatedPeriod>();

    for (let i = 0; i < size; i++) {
      const weekday = weekdayOfDayNumber(base + i);
      if (weekday === 0 || weekday === 6) flags[i] = WEEKEND;
    }
    for (let year = firstYear; year <= lastYear; year++) {
      for (const [date, name] of publicHolidays(this.region, year)) {
        const i = toDayNumber(date) - base;
        if (i < 0 || i >= size) continue;
        flags[i]! |= HOLIDAY;
        holidayNames.set(base + i, name);
      }
    }
    const markPeriods = (
      rules: readonly PeriodRule[],
      flag: number,
      onDay: (day: number, period: DatedPeriod) => void,
    ) => {
      for (const period of expandPeriods(rules, firstYear, lastYear)) {
        const from = Math.max(toDayNumber(period.start), base);
        const to = Math.min(toDayNumber(period.end), base + size - 1);
        for (let day = from; day <= to; day++) {
          flags[day - base]! |= flag;
          onDay(day, period);
        }
      }
    };
    markPeriods(this.closureRules, CLOSURE, (day, period) => {
      if (!closureNames.has(day)) closureNames.set(day, period.name);
    });
    markPeriods(this.freezeRules, FROZEN, (day, period) => {
      if (!freezeByDay.has(day)) freezeByDay.set(day, period);
    });

    const workingBefore = new Int32Array(size + 1);
    let working = 0;
    for (let i = 0; i < size; i++) {
      workingBefore[i] = working;
      if ((flags[i]! & NON_WORKING) === 0) working++;
    }
    workingBefore[size] = working;
    const workingDayList = new Int32Array(working);
    for (let i = 0, k = 0; i < size; i++) {
      if ((flags[i]! & NON_WORKING) === 0) workingDayList[k++] = base + i;
    }
    const isoDates: IsoDate[] = new Array<IsoDate>(size);
    for (let i = 0; i < size; i++) isoDates[i] = fromDayNumber(base + i);

    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.base = base;
    this.size = size;
    this.flags = flags;
    this.workingBefore = workingBefore;
    this.workingDayList = workingDayList;
    this.isoDates = isoDates;
    this.holidayNames = holidayNames;
    this.closureNames = closureNames;
    this.freezeByDay = freezeByDay;
  }
}

export type CalendarDay = { date: IsoDate; reason?: NonWorkingReason; freeze?: DatedPeriod };

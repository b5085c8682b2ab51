// The obviously-correct, day-by-day versions of the working-day calendar and the planner. They are
// slow on purpose: property tests compare the indexed ones against them, and `npm run bench`
// measures how much faster the index is. Not used by the app.
import { addDays, type IsoDate, weekday, yearOf } from "../dates";
import { publicHolidays } from "../holidays";
import { expandPeriods, type PeriodRule } from "../periods";
import { STAGE_KEYS, type StageDurations, type StageKey } from "../stages";

export class ReferenceCalendar {
  constructor(
    readonly region: string,
    private readonly closures: readonly PeriodRule[] = [],
    private readonly freezes: readonly PeriodRule[] = [],
  ) {}

  isWorkingDay(date: IsoDate): boolean {
    const day = weekday(date);
    if (day === 0 || day === 6) return false;
    if (publicHolidays(this.region, yearOf(date)).has(date)) return false;
    return !this.inPeriod(this.closures, date);
  }

  isFrozen(date: IsoDate): boolean {
    return this.inPeriod(this.freezes, date);
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  previousWorkingDay(date: IsoDate): IsoDate {
    let day = addDays(date, -1);
    while (!this.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  countWorkingDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  private inPeriod(rules: readonly PeriodRule[], date: IsoDate): boolean {
    const year = yearOf(date);
    return expandPeriods(rules, year, year).some(
      (period) => period.start <= date && date <= period.end,
    );
  }
}

export type ReferenceStage = { key: StageKey; start: IsoDate; end: IsoDate; workingDays: number };

/** Splits consecutive working days (oldest first) into the stages, in process order. */
function splitIntoStages(days: IsoDate[], durations: StageDurations): ReferenceStage[] {
  let index = 0;
  return STAGE_KEYS.map((key) => {
    const stage = {
      key,
      start: days[index]!,
      end: days[index + durations[key] - 1]!,
      workingDays: durations[key],
    };
    index += durations[key];
    return stage;
  });
}

/** Backward from a go-live (a working day): walk back day by day collecting working days. */
export function referencePlanBackward(
  goLive: IsoDate,
  durations: StageDurations,
  calendar: ReferenceCalendar,
) {
  const total = STAGE_KEYS.reduce((sum, key) => sum + durations[key], 0);
  const before: IsoDate[] = [];
  for (let day = goLive; before.length < total - durations.PROD;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) before.unshift(day);
  }
  const after: IsoDate[] = [goLive];
  for (let day = goLive; after.length < durations.PROD;) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) after.push(day);
  }
  return splitIntoStages([...before, ...after], durations);
}

/** Forward from a DEV start (a working day): walk forward day by day collecting working days. */
export function referencePlanForward(
  start: IsoDate,
  durations: StageDurations,
  calendar: ReferenceCalendar,
) {
  const total = STAGE_KEYS.reduce((sum, key) => sum + durations[key], 0);
  const days: IsoDate[] = [];
  for (let day = start; days.length < total; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) days.push(day);
  }
  return splitIntoStages(days, durations);
}

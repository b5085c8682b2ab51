// The company's planning settings as the domain sees them (stored in the database, edited by admins).
import { DEFAULT_OBSERVATION_WORKING_DAYS } from "./after-go-live";
import { DEFAULT_ENVIRONMENT_CAPACITY, type EnvironmentCapacity } from "./conflicts";
import { DEFAULT_REGION } from "./holidays";
import type { PeriodRule } from "./periods";
import {
  DEFAULT_STAGE_DURATIONS,
  DEFAULT_STAGE_RULES,
  type StageDurations,
  type StageKey,
  type StageRule,
} from "./stages";

export const CALENDAR_PERIOD_KINDS = ["NON_WORKING", "FREEZE"] as const;
export type CalendarPeriodKind = (typeof CALENDAR_PERIOD_KINDS)[number];

export type CompanyPeriod = PeriodRule & {
  id: string;
  kind: CalendarPeriodKind;
  region: string | null;
};

export type PlanningSettings = {
  durations: StageDurations;
  stageRules: Record<StageKey, StageRule>;
  periods: CompanyPeriod[];
  capacity: EnvironmentCapacity;
  defaultRegion: string;
  companyTimeZone: string;
  /** Working days a live release is observed before its outcome is due. */
  observationWorkingDays: number;
};

export const DEFAULT_COMPANY_TIME_ZONE = "Europe/Berlin";

export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  durations: DEFAULT_STAGE_DURATIONS,
  stageRules: DEFAULT_STAGE_RULES,
  periods: [],
  capacity: DEFAULT_ENVIRONMENT_CAPACITY,
  defaultRegion: DEFAULT_REGION,
  companyTimeZone: DEFAULT_COMPANY_TIME_ZONE,
  observationWorkingDays: DEFAULT_OBSERVATION_WORKING_DAYS,
};

/** A period scoped to a region applies there; a country covers its subdivisions (DE → DE-BW). */
export function appliesToRegion(periodRegion: string | null, region: string): boolean {
  return periodRegion === null || periodRegion === region || region.startsWith(`${periodRegion}-`);
}

/** The closures and freezes that shape the calendar of one region. */
export function periodsForRegion(periods: readonly CompanyPeriod[], region: string) {
  const applicable = periods.filter((period) => appliesToRegion(period.region, region));
  return {
    closures: applicable.filter((period) => period.kind === "NON_WORKING"),
    freezes: applicable.filter((period) => period.kind === "FREEZE"),
  };
}

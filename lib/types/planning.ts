import type { EnvironmentConflict } from "@/lib/domain/conflicts";
import type { IsoDate } from "@/lib/domain/dates";
import type { PlanSearch } from "@/lib/domain/plan-search";

/** POST /api/plan/search: the candidates and skipped dates, and what the wish itself would cause. */
export type PlanSearchResult = PlanSearch & {
  region: string;
  /** The wished go-live's own plan, where it has one: the conflicts it would take part in. */
  wish: { goLive: IsoDate; conflicts: EnvironmentConflict[] };
};

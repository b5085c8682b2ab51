// A product as the API answers it and the product pages draw it.
import type { IsoDate } from "@/lib/domain/dates";
import type { SkipReason } from "@/lib/domain/plan-search";
import type { PlannedStage } from "@/lib/domain/planner";
import type { StageKey } from "@/lib/domain/stages";

import type { PersonDto, ProductRef } from "./release";

export type ProductPerson = PersonDto & { isActive: boolean };

export type ProductDto = ProductRef & {
  id: string;
  description: string | null;
  /** Release managers who own the product and name its approvers. */
  owners: ProductPerson[];
  /** Named approvers per stage; an empty list means anyone holding an allowed role. */
  approvers: Record<StageKey, ProductPerson[]>;
  releaseCount: number;
  /** Releases that name no product join this one. */
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
};

/** A product in a filter or a picker. */
export type ProductOption = ProductRef;

/** A product's release train (GET /api/products/{key}/train). */
export type TrainDto = {
  product: { key: string; name: string };
  /** The recurrence rule, e.g. `FREQ=WEEKLY;INTERVAL=4;BYDAY=TU`. */
  rule: string;
  /** The rule in words, e.g. "every 4 weeks on Tuesday". */
  description: string;
  firstGoLive: IsoDate;
  namePattern: string;
  versionPattern: string;
  region: string;
  /** The coming train dates from today. */
  nextDates: IsoDate[];
  updatedAt: string;
};

/** A release "plan the next N" would create (POST /api/products/{key}/train/preview). */
export type TrainPreviewItem = {
  trainDate: IsoDate;
  name: string;
  version: string;
  /** Its train date when that fits, the earliest fitting go-live after it, or null (none in a year). */
  goLive: IsoDate | null;
  start: IsoDate | null;
  stages: PlannedStage[];
  slipWorkingDays: number | null;
  /** Why the train date itself was not taken (empty when it was). */
  reasons: SkipReason[];
};

// A product as the API answers it and the product pages draw it.
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

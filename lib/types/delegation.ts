// A delegation as the API answers it and the profile page draws it.
import type { IsoDate } from "@/lib/domain/dates";

import type { PersonDto } from "./release";

export type DelegationDto = {
  id: string;
  /** The absent person. */
  delegator: PersonDto;
  /** Who stands in for them. */
  deputy: PersonDto;
  from: IsoDate;
  to: IsoDate;
  /** When it was ended early; null while it counts. */
  endedAt: string | null;
  createdAt: string;
  /** Company "today" lies inside the range and it was not ended. */
  isRunning: boolean;
};

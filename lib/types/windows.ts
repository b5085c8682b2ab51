import type { IsoDate } from "@/lib/domain/dates";
import type { WindowKind } from "@/lib/domain/deployment-windows";
import type { GateReason } from "@/lib/domain/gate";
import type { StageKey } from "@/lib/domain/stages";

/** One occurrence of a window: instants (ISO) and the company's wall-clock times (`YYYY-MM-DDTHH:MM`). */
export type OccurrenceDto = {
  start: string;
  end: string;
  startLocal: string;
  endLocal: string;
};

/** GET /api/windows: a deployment window with its next occurrences. */
export type WindowDto = {
  id: string;
  name: string;
  kind: WindowKind;
  environments: StageKey[];
  products: string[];
  rule: string;
  /** The rule in words, e.g. "every week on Friday". */
  description: string;
  startTime: string;
  durationMinutes: number;
  startsOn: IsoDate;
  next: OccurrenceDto[];
  updatedAt: string;
};

export type WindowList = {
  timeZone: string;
  windows: WindowDto[];
  /** Freeze periods of the planning calendar: deny windows for PROD. */
  freezes: { name: string; start: IsoDate; end: IsoDate; region: string | null; yearly: boolean }[];
};

export type ExceptionState = "REQUESTED" | "APPROVED" | "REFUSED" | "EXPIRED";

export type ExceptionDto = {
  id: string;
  release: { id: string; name: string; version: string };
  environment: StageKey;
  from: string;
  to: string;
  reason: string;
  state: ExceptionState;
  requestedBy: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
};

/** GET /api/gate. */
export type GateAnswer = {
  open: boolean;
  environment: StageKey;
  release: { id: string; name: string; version: string } | null;
  reasons: GateReason[];
  until: string | null;
  nextOpen: string | null;
  /** The approved exception running now for this release and environment, if any. */
  exception: ExceptionDto | null;
};

/** An enforced question the gate refused, for the release page. */
export type GateCheckDto = {
  id: string;
  environment: StageKey;
  version: string | null;
  digest: string | null;
  open: boolean;
  reasons: GateReason[];
  actor: { id: string; name: string } | null;
  at: string;
};

/** What a view draws of windows and exceptions on a day (company time). */
export type WindowMark = {
  kind: "DENY" | "EXCEPTION";
  environments: StageKey[];
  name: string;
  date: IsoDate;
  startMinute: number;
  endMinute: number;
  /** A sentence for the tooltip. */
  title: string;
  /** Exceptions: asked for or approved. */
  state?: ExceptionState;
  releaseId?: string;
};

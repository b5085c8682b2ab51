// Signals from the monitoring as the API answers them (types only).
import type { StageKey } from "@/lib/domain/stages";

export type SignalDto = {
  id: string;
  source: "ALERTMANAGER" | "API";
  severity: string;
  status: "FIRING" | "RESOLVED";
  summary: string;
  /** Where it fired (the alert's generator, the tool's link): http(s) only. */
  url: string | null;
  startsAt: string;
  endsAt: string | null;
  environment: StageKey | null;
  product: { key: string; name: string } | null;
  labels: Record<string, string>;
  /** Why no release was matched (null: it belongs to one or more). */
  unmatchedReason: string | null;
  receivedCount: number;
  lastReceivedAt: string;
};

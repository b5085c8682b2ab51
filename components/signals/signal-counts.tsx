import { BellRing, CircleCheck } from "lucide-react";

import type { SignalCounts } from "@/lib/domain/signals";

import { Badge } from "../ui/badge";

/** What the monitoring saw during an observation, as badges: critical, warnings, or no alert. */
export function SignalCountBadges({ signals }: { signals: SignalCounts }) {
  if (signals.critical + signals.warning === 0) {
    return (
      <Badge tone="neutral" data-testid="signal-counts">
        <CircleCheck aria-hidden />
        No alert
      </Badge>
    );
  }
  return (
    <span className="inline-flex flex-wrap gap-1.5" data-testid="signal-counts">
      {signals.critical > 0 && (
        <Badge tone="danger">
          <BellRing aria-hidden />
          {signals.critical} critical
        </Badge>
      )}
      {signals.warning > 0 && (
        <Badge tone="warning">
          {signals.warning} {signals.warning === 1 ? "warning" : "warnings"}
        </Badge>
      )}
      {signals.firing > 0 && <Badge tone="outline">{signals.firing} still firing</Badge>}
    </span>
  );
}

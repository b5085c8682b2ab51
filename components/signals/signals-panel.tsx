import { ExternalLink } from "lucide-react";

import type { SignalCounts } from "@/lib/domain/signals";
import type { SignalDto } from "@/lib/types/signals";
import { cn } from "@/lib/utils";

import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";

import { SignalCountBadges } from "./signal-counts";

const SEVERITY_TONE: Record<string, "danger" | "warning" | "neutral"> = {
  critical: "danger",
  warning: "warning",
};

/** "12 min", "3 h 5 min", "2 d 4 h": how long an alert fired. */
export function durationText(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ""}`;
}

/**
 * What the monitoring saw while the release was observed in production (or rolled out): each
 * signal with its severity, what fired, how long, and a link back to where it fired.
 */
export function SignalsPanel({
  signals,
  counts,
  observationEnd,
  now,
}: {
  signals: SignalDto[];
  counts: SignalCounts;
  observationEnd: string | null;
  /** The server's clock when the page was made: how long a firing alert has fired so far. */
  now: string;
}) {
  return (
    <section aria-labelledby="signals-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="signals-heading" className="text-base font-semibold text-fg">
            Signals during observation
          </h2>
          <p className="text-sm text-muted">
            What the monitoring reported in production after the go-live
            {observationEnd ? " (the observation window and the rollout)" : ""}. Evidence for the
            outcome, never the decision.
          </p>
        </div>
        <SignalCountBadges signals={counts} />
      </div>
      {signals.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">
          No alert has fired for this release. Alertmanager and monitoring tools report to{" "}
          <span className="font-mono text-xs">POST /api/signals/alertmanager</span>.
        </p>
      ) : (
        <ul
          className="divide-y divide-border rounded-lg border border-border bg-surface shadow-xs"
          aria-label="Signals"
        >
          {signals.map((signal) => (
            <li
              key={signal.id}
              data-testid="signal"
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm"
            >
              <Badge tone={SEVERITY_TONE[signal.severity] ?? "neutral"} className="capitalize">
                {signal.severity}
              </Badge>
              <span className="min-w-0 flex-1 font-medium text-fg">{signal.summary}</span>
              <span
                className={cn(
                  "text-xs tabular",
                  signal.status === "FIRING" ? "font-medium text-danger" : "text-muted",
                )}
              >
                {signal.status === "FIRING"
                  ? `firing for ${durationText(signal.startsAt, now)}`
                  : `fired ${durationText(signal.startsAt, signal.endsAt ?? signal.startsAt)}`}
                {" · since "}
                <LocalTime iso={signal.startsAt} />
              </span>
              {signal.url && (
                <a
                  href={signal.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline"
                >
                  Source
                  <ExternalLink aria-hidden className="size-3.5" />
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

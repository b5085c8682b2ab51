import { AlertTriangle, Flag } from "lucide-react";
import type { CSSProperties } from "react";

import { STAGE_KEYS, STAGE_NAMES } from "@/lib/domain/stages";
import { cn } from "@/lib/utils";

import { stageBarClassName, stageBarStyle } from "../releases/stage-style";

import { STRIPES } from "./window-marks";

const swatch = "inline-block h-3 w-5 shrink-0 rounded-sm";

const STATE_SWATCHES = [
  { status: "SIGNED_OFF", label: "Signed off" },
  { status: "ACTIVE", label: "Active" },
  { status: "PENDING", label: "Planned" },
] as const;

/**
 * The key to a calendar view: the stage colours (always with their names), the stage states, and
 * the day shading. Shown under the timeline, the month calendar and the environments view.
 */
export function ViewLegend({
  regionLabel,
  extras = [],
}: {
  regionLabel: string;
  extras?: ("go-live" | "conflict" | "baseline" | "deny-window")[];
}) {
  return (
    <div className="space-y-2 border-t border-border px-3 py-2.5 text-xs text-muted">
      <ul aria-label="Stages" className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
        {STAGE_KEYS.map((key) => (
          <li key={key} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className={cn(swatch, stageBarClassName("SIGNED_OFF"))}
              style={stageBarStyle(key) as CSSProperties}
            />
            <span>
              <span className="font-semibold text-fg">{key}</span> {STAGE_NAMES[key]}
            </span>
          </li>
        ))}
      </ul>
      <ul aria-label="Marks" className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
        {STATE_SWATCHES.map(({ status, label }) => (
          <li key={status} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className={cn(swatch, stageBarClassName(status))}
              style={stageBarStyle("TEST") as CSSProperties}
            />
            {label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden className={cn(swatch, stageBarClassName("REJECTED"))} />
          Rejected
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className={cn(swatch, "bg-surface-muted ring-1 ring-border")} />
          Weekend
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className={cn(swatch, "bg-danger-soft ring-1 ring-danger/20")} />
          Public holiday ({regionLabel})
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={cn(
              swatch,
              "bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_4px,var(--color-border-strong)_4px_5px)] ring-1 ring-border",
            )}
          />
          Company closure
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className={cn(swatch, "bg-warning-soft ring-1 ring-warning/40")} />
          Freeze window (no go-live)
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-0.5 bg-accent" />
          Today
        </li>
        {extras.includes("go-live") && (
          <li className="flex items-center gap-1.5">
            <Flag aria-hidden className="size-3.5 text-fg" />
            Go-live
          </li>
        )}
        {extras.includes("baseline") && (
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block size-2.5 rotate-45 border-2 border-dashed border-fg/60"
            />
            Baseline go-live (forecast moved)
          </li>
        )}
        {extras.includes("baseline") && (
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block size-2.5 rounded-full border-2 border-dotted border-fg/50"
            />
            Original go-live (first plan, when re-planned since)
          </li>
        )}
        {extras.includes("baseline") && (
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block h-2.5 w-5 rounded-r-sm border border-border-strong bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_3px,transparent_3px_6px)]"
            />
            Observation after go-live (green kept, red rolled back, amber rolled forward)
          </li>
        )}
        {extras.includes("baseline") && (
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-flex h-3.5 min-w-3.5 items-center justify-center rounded-full bg-danger px-1 text-[0.625rem] leading-none font-semibold text-white"
            >
              2
            </span>
            Alerts during observation (red critical, amber warnings)
          </li>
        )}
        {extras.includes("conflict") && (
          <li className="flex items-center gap-1.5">
            <AlertTriangle aria-hidden className="size-3.5 text-danger" />
            Environment conflict
          </li>
        )}
        {extras.includes("deny-window") && (
          <>
            <li className="flex items-center gap-1.5">
              <span aria-hidden className={cn(swatch, STRIPES.DENY)} />
              Deny window (no deployments)
            </li>
            <li className="flex items-center gap-1.5">
              <span aria-hidden className={cn(swatch, STRIPES.EXCEPTION)} />
              Exception (gate opened)
            </li>
          </>
        )}
      </ul>
    </div>
  );
}

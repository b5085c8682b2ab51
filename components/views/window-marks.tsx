import { daysBetween, type IsoDate } from "@/lib/domain/dates";
import { minuteLabel } from "@/lib/domain/deployment-windows";
import type { StageKey } from "@/lib/domain/stages";
import type { WindowMark } from "@/lib/types/windows";
import { cn } from "@/lib/utils";

/** Diagonal stripes: closed to deployments (red), or opened by an exception (green). */
export const STRIPES = {
  DENY: "bg-[repeating-linear-gradient(135deg,color-mix(in_oklab,var(--color-danger)_16%,transparent)_0_4px,transparent_4px_8px)] border-x border-danger/30",
  EXCEPTION:
    "bg-[repeating-linear-gradient(135deg,color-mix(in_oklab,var(--color-success)_22%,transparent)_0_4px,transparent_4px_8px)] border-x border-success/40",
} as const;

/**
 * The deny windows and exceptions of one environment, drawn across a band of days as striped
 * stretches (to the minute), each explained on hover.
 */
export function WindowStripes({
  marks,
  environment,
  range,
}: {
  marks: readonly WindowMark[];
  environment: StageKey;
  range: { start: IsoDate; days: number };
}) {
  return marks
    .filter((mark) => mark.environments.includes(environment))
    .map((mark) => {
      const day = daysBetween(range.start, mark.date);
      if (day < 0 || day >= range.days) return null;
      const left = (day + mark.startMinute / 1440) / range.days;
      const width = (mark.endMinute - mark.startMinute) / 1440 / range.days;
      return (
        <span
          key={`${mark.kind}-${mark.name}-${mark.date}-${mark.startMinute}`}
          data-testid={mark.kind === "DENY" ? "deny-window" : "exception-window"}
          title={mark.title}
          style={{ left: `${left * 100}%`, width: `${width * 100}%` }}
          className={cn("absolute inset-y-0", STRIPES[mark.kind])}
        />
      );
    });
}

/** A day's deny windows and exceptions as short labels (the month calendar). */
export function DayWindowLabels({ marks }: { marks: readonly WindowMark[] }) {
  return marks.map((mark) => (
    <p
      key={`${mark.kind}-${mark.name}-${mark.startMinute}-${mark.environments.join()}`}
      data-testid={mark.kind === "DENY" ? "calendar-deny-window" : "calendar-exception"}
      title={mark.title}
      className={cn(
        "mt-0.5 truncate rounded-sm px-1 text-[10px] leading-4 font-semibold ring-1",
        mark.kind === "DENY"
          ? "bg-danger-soft text-danger ring-danger/25"
          : "bg-success-soft text-success ring-success/30",
      )}
    >
      {mark.kind === "DENY" ? "⊘" : mark.state === "APPROVED" ? "✓" : "?"}{" "}
      {mark.environments.join(" ")} {minuteLabel(mark.startMinute)}–{minuteLabel(mark.endMinute)}{" "}
      <span className="font-normal">
        {mark.kind === "DENY" ? mark.name : `exception · ${mark.name}`}
      </span>
    </p>
  ));
}

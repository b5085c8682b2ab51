import type { CSSProperties } from "react";

import type { MonthCount, StageSlip } from "@/lib/domain/delivery-report";
import { STAGE_NAMES } from "@/lib/domain/stages";
import { cn } from "@/lib/utils";

import { stageBarClassName, stageBarStyle } from "../releases/stage-style";

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

export function formatWorkingDays(value: number | null, digits = 1): string {
  if (value === null) return "—";
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return "0";
  return rounded > 0 ? `+${rounded}` : `−${-rounded}`;
}

/** Go-lives per month: live ones filled, the forecast of releases on their way hatched. */
export function GoLivesPerMonthChart({ months, today }: { months: MonthCount[]; today: string }) {
  const max = Math.max(1, ...months.map((m) => m.live + m.planned));
  return (
    <figure className="space-y-3">
      <ol className="flex h-52 gap-1.5" aria-label="Go-lives per month">
        {months.map((month) => {
          const total = month.live + month.planned;
          const isFuture = month.month.slice(0, 7) > today.slice(0, 7);
          return (
            <li
              key={month.month}
              className="flex h-full min-w-0 flex-1 flex-col items-center gap-1"
              data-testid="month-bar"
            >
              <span className="sr-only">
                {month.label}: {month.live} live{month.planned ? `, ${month.planned} planned` : ""}.
              </span>
              <div aria-hidden className="relative w-full flex-1">
                <div
                  className="absolute inset-x-0 bottom-0 mx-auto flex max-w-12 flex-col justify-end overflow-hidden rounded-t"
                  style={{ height: percent((total / max) * 0.88) }}
                >
                  {month.planned > 0 && (
                    <div
                      className="w-full border border-dashed border-accent bg-[repeating-linear-gradient(135deg,var(--color-accent-soft)_0_4px,var(--color-surface)_4px_7px)]"
                      style={{ height: percent(month.planned / total) }}
                    />
                  )}
                  {month.live > 0 && (
                    <div
                      className="w-full bg-accent"
                      style={{ height: percent(month.live / total) }}
                    />
                  )}
                </div>
                {total > 0 && (
                  <span
                    className="absolute inset-x-0 text-center text-xs font-semibold text-fg tabular"
                    style={{ bottom: `calc(${percent((total / max) * 0.88)} + 2px)` }}
                  >
                    {total}
                  </span>
                )}
              </div>
              <span
                aria-hidden
                className={cn(
                  "h-7 w-full text-center text-[11px] leading-tight text-muted tabular",
                  isFuture && "italic",
                )}
              >
                {month.label.slice(0, 3)}
                {(month.month.slice(5, 7) === "01" || month === months[0]) && (
                  <span className="block text-[10px]">{month.month.slice(0, 4)}</span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <figcaption className="flex flex-wrap gap-4 text-xs text-muted">
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-accent" /> Went live
        </span>
        <span className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block size-3 rounded-sm border border-dashed border-accent bg-accent-soft"
          />{" "}
          Planned (forecast go-live)
        </span>
      </figcaption>
    </figure>
  );
}

/**
 * How many working days each stage ran over its planned length: the bar is the average (right of
 * the axis = longer than planned, left = shorter), the mark the worst case.
 */
export function StageSlipChart({ slips }: { slips: StageSlip[] }) {
  const scale = Math.max(
    1,
    ...slips.flatMap((s) => [Math.abs(s.average ?? 0), Math.abs(s.worst ?? 0)]),
  );
  const half = (value: number) => (Math.abs(value) / scale) * 0.5;
  return (
    <ul className="space-y-2.5" aria-label="Overrun per stage in working days">
      {slips.map((slip) => (
        <li
          key={slip.key}
          className="grid grid-cols-[11rem_1fr_12rem] items-center gap-3"
          data-testid="stage-slip"
          data-stage={slip.key}
        >
          <span className="flex items-center gap-2 text-sm">
            <span
              aria-hidden
              className={cn(
                "inline-block size-3 shrink-0 rounded-sm",
                stageBarClassName("SIGNED_OFF"),
              )}
              style={stageBarStyle(slip.key) as CSSProperties}
            />
            <span className="font-semibold text-fg">{slip.key}</span>
            <span className="truncate text-muted">{STAGE_NAMES[slip.key]}</span>
          </span>
          <div aria-hidden className="relative h-5 rounded bg-surface-muted">
            <span className="absolute inset-y-0 left-1/2 w-px bg-border-strong" />
            {slip.average !== null && slip.average !== 0 && (
              <span
                className={cn("absolute inset-y-1 rounded-sm", stageBarClassName("SIGNED_OFF"))}
                style={{
                  ...(stageBarStyle(slip.key) as CSSProperties),
                  left: slip.average > 0 ? "50%" : percent(0.5 - half(slip.average)),
                  width: percent(half(slip.average)),
                }}
              />
            )}
            {slip.worst !== null && slip.worst !== 0 && (
              <span
                className="absolute inset-y-0 w-0.5 bg-fg"
                style={{
                  left: percent(0.5 + (slip.worst > 0 ? half(slip.worst) : -half(slip.worst))),
                }}
              />
            )}
          </div>
          <span className="text-xs text-muted tabular">
            {slip.count === 0 ? (
              "No sign-offs in this period"
            ) : (
              <>
                avg <span className="font-semibold text-fg">{formatWorkingDays(slip.average)}</span>{" "}
                · worst{" "}
                <span className="font-semibold text-fg">{formatWorkingDays(slip.worst, 0)}</span> wd
                <span className="sr-only">
                  {" "}
                  over {slip.count} sign-offs
                  {slip.worstRelease && slip.worst! > 0 ? `, worst: ${slip.worstRelease}` : ""}
                </span>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

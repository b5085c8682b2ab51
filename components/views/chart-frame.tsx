import type { CSSProperties } from "react";

import { ViewLegend } from "./view-legend";

/**
 * The frame of the timeline, the month calendar and the environments view: a bordered surface that
 * scrolls sideways on small screens, the chart, the legend and one line of help under it.
 */
export function ChartFrame({
  regionLabel,
  legend = [],
  hint,
  labelWidth,
  children,
}: {
  regionLabel: string;
  legend?: React.ComponentProps<typeof ViewLegend>["extras"];
  hint: React.ReactNode;
  /** The width of the row labels on the left (`--label`), for charts that have them; they stay in
   * sight (sticky) while the chart scrolls sideways. */
  labelWidth?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-xs">
      <div
        className="min-w-[56rem]"
        style={labelWidth ? ({ "--label": labelWidth } as CSSProperties) : undefined}
      >
        {children}
      </div>
      <ViewLegend regionLabel={regionLabel} extras={legend} />
      <p className="border-t border-border px-3 py-2 text-xs text-muted">{hint}</p>
    </div>
  );
}

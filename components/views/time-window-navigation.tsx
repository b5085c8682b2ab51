import { formatDisplayDate } from "@/lib/domain/dates";
import {
  shiftRange,
  type TimelineRange,
  ZOOM_LABELS,
  ZOOMS,
  type Zoom,
} from "@/lib/domain/timeline";

import { ViewNavigation } from "./view-navigation";

/** Zoom (6 weeks, quarter, year) and earlier / today / later for the timeline and environments. */
export function TimeWindowNavigation({
  basePath,
  params,
  zoom,
  range,
}: {
  basePath: string;
  /** The parameters the links keep (filters, zoom, start). */
  params: Record<string, string | undefined>;
  zoom: Zoom;
  range: TimelineRange;
}) {
  return (
    <ViewNavigation
      basePath={basePath}
      params={params}
      options={ZOOMS.map((value) => ({ key: "zoom", value, label: ZOOM_LABELS[value] }))}
      current={zoom}
      previous={{ from: shiftRange(range, -1) }}
      next={{ from: shiftRange(range, 1) }}
      label={`${formatDisplayDate(range.start)} – ${formatDisplayDate(range.end)}`}
    />
  );
}

import type { Metadata } from "next";

import { EnvironmentLanes } from "@/components/environments/environment-lanes";
import { PageHeader } from "@/components/layout/page-header";
import { ConflictList } from "@/components/views/conflict-list";
import { ViewNavigation } from "@/components/views/view-navigation";
import { formatDisplayDate, isIsoDate } from "@/lib/domain/dates";
import { shiftRange, timelineRange, ZOOM_LABELS, ZOOMS, type Zoom } from "@/lib/domain/timeline";
import { requireUser } from "@/lib/server/auth/session";
import { calendarFor } from "@/lib/server/calendars";
import { getEnvironmentUsage } from "@/lib/server/environments/get-environment-usage";
import { dayInfos } from "@/lib/server/planning/describe-days";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireUser();
  const params = await searchParams;
  const zoom: Zoom = ZOOMS.includes(params.zoom as Zoom) ? (params.zoom as Zoom) : "6w";
  const from = typeof params.from === "string" && isIsoDate(params.from) ? params.from : undefined;
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const range = timelineRange(zoom, today, from);
  const { stays, conflicts } = await getEnvironmentUsage(range, settings, today);
  const days = dayInfos(
    calendarFor(settings.defaultRegion, settings.periods),
    range.start,
    range.end,
  );
  const keep = { zoom: zoom === "6w" ? undefined : zoom, from };

  return (
    <div className="space-y-5">
      <PageHeader
        title="Environments"
        description={`Who occupies DEV, TEST, LAST, INT, PREPROD and PROD between ${formatDisplayDate(range.start)} and ${formatDisplayDate(range.end)}${conflicts.length ? `: ${conflicts.length} ${conflicts.length === 1 ? "conflict" : "conflicts"} in exclusive environments` : ": no conflicts"}`}
      />
      <ViewNavigation
        basePath="/environments"
        params={keep}
        options={ZOOMS.map((value) => ({ key: "zoom", value, label: ZOOM_LABELS[value] }))}
        current={zoom}
        previous={{ from: shiftRange(range, -1) }}
        next={{ from: shiftRange(range, 1) }}
        label={`${formatDisplayDate(range.start)} – ${formatDisplayDate(range.end)}`}
      />
      <EnvironmentLanes
        range={range}
        stays={stays}
        conflicts={conflicts}
        capacity={settings.capacity}
        days={days}
        today={today}
        regionLabel={settings.defaultRegion}
      />
      <ConflictList conflicts={conflicts} title="Conflicts in this period" />
    </div>
  );
}

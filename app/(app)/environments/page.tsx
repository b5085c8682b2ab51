import type { Metadata } from "next";

import { EnvironmentLanes } from "@/components/environments/environment-lanes";
import { PageHeader } from "@/components/layout/page-header";
import { ConflictList } from "@/components/views/conflict-list";
import { TimeWindowNavigation } from "@/components/views/time-window-navigation";
import { formatDisplayDate } from "@/lib/domain/dates";
import { requireUser } from "@/lib/server/auth/session";
import { calendarFor } from "@/lib/server/calendars";
import { getEnvironmentUsage } from "@/lib/server/environments/get-environment-usage";
import { dayInfos } from "@/lib/server/planning/describe-days";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { readTimeWindow, type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireUser();
  const params = await searchParams;
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const { zoom, range, keep } = readTimeWindow(params, today);
  const { stays, conflicts } = await getEnvironmentUsage(range, settings, today);
  const days = dayInfos(
    calendarFor(settings.defaultRegion, settings.periods),
    range.start,
    range.end,
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title="Environments"
        description={`Who occupies DEV, TEST, LAST, INT, PREPROD and PROD between ${formatDisplayDate(range.start)} and ${formatDisplayDate(range.end)}${conflicts.length ? `: ${conflicts.length} ${conflicts.length === 1 ? "conflict" : "conflicts"} in exclusive environments` : ": no conflicts"}`}
      />
      <TimeWindowNavigation basePath="/environments" params={keep} zoom={zoom} range={range} />
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

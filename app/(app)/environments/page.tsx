import type { Metadata } from "next";

import { EnvironmentLanes } from "@/components/environments/environment-lanes";
import { PageHeader } from "@/components/layout/page-header";
import { hrefWith, ReleaseFilters } from "@/components/releases/release-filters";
import { ConflictList } from "@/components/views/conflict-list";
import { GroupToggle } from "@/components/views/group-toggle";
import { TimeWindowNavigation } from "@/components/views/time-window-navigation";
import { formatDisplayDate } from "@/lib/domain/dates";
import { calendarFor } from "@/lib/server/calendars";
import { getEnvironmentUsage } from "@/lib/server/environments/get-environment-usage";
import { dayInfos } from "@/lib/server/planning/describe-days";
import { listProductOptions } from "@/lib/server/products/products";
import { openWindowView } from "@/lib/server/views/open-view";
import { windowMarks } from "@/lib/server/windows/marks";
import type { SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { raw, query, isValid, settings, today, zoom, range, window, group, keep } =
    await openWindowView(searchParams);
  const [{ stays, conflicts }, products, marks] = await Promise.all([
    getEnvironmentUsage(range, settings, today, query),
    listProductOptions(),
    windowMarks(range, settings.companyTimeZone),
  ]);
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
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TimeWindowNavigation
          basePath="/environments"
          params={{ ...raw, ...keep }}
          zoom={zoom}
          range={range}
        />
        <GroupToggle basePath="/environments" params={{ ...raw, ...window }} group={group} />
      </div>
      <ReleaseFilters
        {...raw}
        products={products}
        basePath="/environments"
        keep={keep}
        isValid={isValid}
      />
      <EnvironmentLanes
        range={range}
        stays={stays}
        conflicts={conflicts}
        capacity={settings.capacity}
        days={days}
        today={today}
        regionLabel={settings.defaultRegion}
        groupBy={group}
        productHref={(product) => hrefWith("/environments", { ...raw, ...keep, product })}
        windowMarks={marks}
      />
      <ConflictList conflicts={conflicts} title="Conflicts in this period" />
    </div>
  );
}

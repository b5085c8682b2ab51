import type { Metadata } from "next";

import { MonthCalendar } from "@/components/calendar/month-calendar";
import { PageHeader } from "@/components/layout/page-header";
import { hrefWith, ReleaseFilters } from "@/components/releases/release-filters";
import { ConflictList } from "@/components/views/conflict-list";
import { ViewNavigation } from "@/components/views/view-navigation";
import { isIsoDate } from "@/lib/domain/dates";
import { isViewableDate } from "@/lib/domain/dates";
import { monthLabel, monthStart, monthWeeks, shiftMonth } from "@/lib/domain/month-calendar";
import { isStageKey } from "@/lib/domain/stages";
import { getTimelineAndUsage } from "@/lib/server/environments/get-environment-usage";
import { listProductOptions } from "@/lib/server/products/products";
import { listRegionsInUse } from "@/lib/server/releases/list-regions-in-use";
import { openView } from "@/lib/server/views/open-view";
import { windowMarks } from "@/lib/server/windows/marks";
import { type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { params, raw, query, isValid, settings, today } = await openView(searchParams);
  const environment =
    typeof params.env === "string" && isStageKey(params.env) ? params.env : undefined;
  const asked = typeof params.month === "string" ? `${params.month}-01` : undefined;
  const isAsked = asked !== undefined && isIsoDate(asked) && isViewableDate(asked);
  const month = isAsked ? asked : monthStart(today);
  const weeks = monthWeeks(month);
  const range = { start: weeks[0]![0]!, end: weeks.at(-1)![6]! };
  const [{ rows, days, usage }, regions, products, marks] = await Promise.all([
    getTimelineAndUsage(query, range, settings, today),
    listRegionsInUse(),
    listProductOptions(),
    windowMarks(range, settings.companyTimeZone),
  ]);
  const shownIds = new Set(rows.map((row) => row.id));
  const conflicts = usage.conflicts.filter(
    (c) =>
      (!environment || c.environment === environment) &&
      c.releases.some((release) => shownIds.has(release.id)),
  );
  const keep = { month: isAsked ? month.slice(0, 7) : undefined };
  const goLives = rows.filter((row) => row.forecastGoLive.slice(0, 7) === month.slice(0, 7)).length;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Calendar"
        description={`${monthLabel(month)}: ${rows.length} ${rows.length === 1 ? "release" : "releases and patches"} at work, ${goLives} ${goLives === 1 ? "go-live" : "go-lives"}${conflicts.length ? `, ${conflicts.length} environment ${conflicts.length === 1 ? "conflict" : "conflicts"}` : ""}`}
      />
      <ViewNavigation
        basePath="/calendar"
        params={{ ...raw, env: environment, ...keep }}
        previous={{ month: shiftMonth(month, -1).slice(0, 7) }}
        next={{ month: shiftMonth(month, 1).slice(0, 7) }}
        label={monthLabel(month)}
        earlierLabel="Previous month"
        laterLabel="Next month"
      />
      <ReleaseFilters
        {...raw}
        regions={regions}
        products={products}
        environment={environment}
        hasEnvironmentFilter
        basePath="/calendar"
        keep={keep}
        isValid={isValid}
      />
      <MonthCalendar
        month={month}
        weeks={weeks}
        rows={rows}
        days={days}
        conflicts={conflicts}
        today={today}
        environment={environment}
        regionLabel={settings.defaultRegion}
        weekHref={(weekStart) => hrefWith("/timeline", { ...raw, from: weekStart })}
        windowMarks={marks}
      />
      <ConflictList
        conflicts={conflicts}
        title={`Environment conflicts around ${monthLabel(month)}`}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { hrefWith, ReleaseFilters } from "@/components/releases/release-filters";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { GroupToggle } from "@/components/views/group-toggle";
import { TimeWindowNavigation } from "@/components/views/time-window-navigation";
import { formatDisplayDate } from "@/lib/domain/dates";
import { MAX_VIEW_ROWS, readRowLimit, VIEW_ROW_LIMIT } from "@/lib/domain/dense";
import { can } from "@/lib/permissions";
import { listProductOptions } from "@/lib/server/products/products";
import { listTrainDates } from "@/lib/server/products/trains";
import { listRegionsInUse } from "@/lib/server/releases/list-regions-in-use";
import { getTimelineView } from "@/lib/server/timeline/get-timeline";
import { openWindowView } from "@/lib/server/views/open-view";
import { isFiltering, type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { user, raw, query, isValid, settings, today, zoom, range, window, group, keep, params } =
    await openWindowView(searchParams);
  const rowLimit = readRowLimit(params.rows);
  const [view, regions, products, allTrains] = await Promise.all([
    getTimelineView(query, range, settings, today, { group, rowLimit }),
    listRegionsInUse(),
    listProductOptions(),
    listTrainDates({ start: today > range.start ? today : range.start, end: range.end }),
  ]);
  // The coming train dates of the products shown (all, or those the filter names).
  const trains = allTrains.filter(
    (train) =>
      train.dates.length > 0 && (!query.product || query.product.includes(train.product.key)),
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title="Timeline"
        description={`${view.total} ${view.total === 1 ? "release" : "releases and patches"} with stages between ${formatDisplayDate(range.start)} and ${formatDisplayDate(range.end)}`}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TimeWindowNavigation
          basePath="/timeline"
          params={{ ...raw, ...keep }}
          zoom={zoom}
          range={range}
        />
        <GroupToggle basePath="/timeline" params={{ ...raw, ...window }} group={group} />
      </div>
      <ReleaseFilters
        {...raw}
        regions={regions}
        products={products}
        basePath="/timeline"
        keep={keep}
        isValid={isValid}
      />
      {view.total > 0 ? (
        <TimelineChart
          range={range}
          view={view}
          today={today}
          regionLabel={settings.defaultRegion}
          canReplan={can(user.role, "releases.plan")}
          moreHref={hrefWith("/timeline", {
            ...raw,
            ...keep,
            rows: String(Math.min(MAX_VIEW_ROWS, rowLimit + VIEW_ROW_LIMIT)),
          })}
          trains={trains}
          productHref={(product) =>
            hrefWith("/timeline", { ...raw, ...window, product, group: undefined })
          }
        />
      ) : (
        <EmptyState
          title={
            isFiltering(raw)
              ? "No releases match these filters here"
              : "Nothing planned in this period"
          }
          description="Move earlier or later, zoom out, or change the filters."
          action={
            <Link
              href="/timeline?zoom=year"
              className="text-sm font-medium text-accent hover:underline"
            >
              Show the whole year
            </Link>
          }
        />
      )}
    </div>
  );
}

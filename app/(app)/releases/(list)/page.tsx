import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { hrefWith, ReleaseFilters } from "@/components/releases/release-filters";
import { ReleasesTable } from "@/components/releases/releases-table";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { workingDaysUntil } from "@/lib/domain/relative";
import { can } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { listProductOptions } from "@/lib/server/products/products";
import { listReleasePage } from "@/lib/server/releases/list-releases";
import { openView } from "@/lib/server/views/open-view";
import {
  isFiltering,
  readReleaseListing,
  type ReleaseSort,
  type SearchParams,
} from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Releases" };

export default async function ReleasesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { user, raw, query, isValid, settings, today, params } = await openView(searchParams);
  const isFiltered = isValid && isFiltering(raw);
  const listing = readReleaseListing(params);
  const [{ releases, total, inProgress, atRisk, page, pageCount, pageSize }, products] =
    await Promise.all([listReleasePage(query, listing, settings), listProductOptions()]);
  // Links keep the filters; the default order and an unasked page stay out of the address.
  const hrefFor = (change: { sort?: ReleaseSort; page?: number }) => {
    const sort = change.sort ?? listing.sort;
    return hrefWith("/releases", {
      ...raw,
      sort: sort === "goLive" ? undefined : sort,
      page: change.page === undefined ? undefined : String(change.page),
    });
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title="Releases"
        description={
          <>
            {total.toLocaleString("en-GB")}{" "}
            {total === 1 ? "release or patch" : "releases and patches"} ·{" "}
            {inProgress.toLocaleString("en-GB")} in progress · {atRisk.toLocaleString("en-GB")} at
            risk
          </>
        }
        actions={
          can(user.role, "releases.plan") && (
            <ButtonLink href="/releases/new">
              <Plus aria-hidden />
              New release
            </ButtonLink>
          )
        }
      />
      <ReleaseFilters
        type={raw.type}
        status={raw.status}
        q={raw.q}
        product={raw.product}
        products={products}
        isValid={isValid}
      />
      {releases.length > 0 ? (
        <div className="space-y-3">
          <ReleasesTable
            releases={releases}
            sorting={{ current: listing.sort, hrefFor: (sort) => hrefFor({ sort, page: 1 }) }}
            workingDaysToGoLive={Object.fromEntries(
              releases.map((release) => [
                release.id,
                workingDaysUntil(
                  today,
                  release.forecastGoLive,
                  calendarFor(release.region, settings.periods),
                ),
              ]),
            )}
          />
          {pageCount > 1 && (
            <Pagination
              page={page}
              pageCount={pageCount}
              pageSize={pageSize}
              total={total}
              noun={total === 1 ? "release" : "releases"}
              hrefFor={(target) => hrefFor({ page: target })}
            />
          )}
        </div>
      ) : isFiltered ? (
        <EmptyState
          title="No releases match these filters"
          description="Try another status or type, or search for part of a name or version."
          action={
            <Link href="/releases" className="text-sm font-medium text-accent hover:underline">
              Clear filters
            </Link>
          }
        />
      ) : (
        <EmptyState
          title="No releases yet"
          description="Releases and patches appear here with their six stages once a release manager plans them."
          action={
            can(user.role, "releases.plan") && (
              <Link
                href="/releases/new"
                className="text-sm font-medium text-accent hover:underline"
              >
                Plan the first release
              </Link>
            )
          }
        />
      )}
    </div>
  );
}

import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { ReleaseFilters } from "@/components/releases/release-filters";
import { ReleasesTable } from "@/components/releases/releases-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { workingDaysUntil } from "@/lib/domain/relative";
import { can } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { listProductOptions } from "@/lib/server/products/products";
import { listReleases } from "@/lib/server/releases/list-releases";
import { openView } from "@/lib/server/views/open-view";
import { isFiltering, type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Releases" };

export default async function ReleasesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { user, raw, query, isValid, settings, today } = await openView(searchParams);
  const isFiltered = isValid && isFiltering(raw);
  const [releases, products] = await Promise.all([
    listReleases(query, settings),
    listProductOptions(),
  ]);
  const inFlight = releases.filter((r) => r.status === "IN_PROGRESS").length;
  const atRisk = releases.filter((r) => r.atRisk).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Releases"
        description={
          <>
            {releases.length} {releases.length === 1 ? "release or patch" : "releases and patches"}{" "}
            · {inFlight} in progress · {atRisk} at risk
          </>
        }
        actions={
          can(user.role, "releases.plan") && (
            <Button asChild>
              <Link href="/releases/new">
                <Plus aria-hidden />
                New release
              </Link>
            </Button>
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
        <ReleasesTable
          releases={releases}
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

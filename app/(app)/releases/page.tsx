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
import { requireUser } from "@/lib/server/auth/session";
import { calendarFor } from "@/lib/server/calendars";
import { listReleases } from "@/lib/server/releases/list-releases";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { releaseListQuerySchema } from "@/lib/validation/releases";

export const metadata: Metadata = { title: "Releases" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReleasesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const raw = {
    type: typeof params.type === "string" && params.type ? params.type : undefined,
    status: typeof params.status === "string" && params.status ? params.status : undefined,
    q: typeof params.q === "string" && params.q.trim() ? params.q : undefined,
  };
  const parsed = releaseListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const isFiltered = parsed.success && Object.values(query).some((value) => value !== undefined);
  const settings = await getPlanningSettings();
  const releases = await listReleases(query, settings);
  const today = companyToday(settings.companyTimeZone);
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
      <ReleaseFilters type={raw.type} status={raw.status} q={raw.q} isValid={parsed.success} />
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

import type { Metadata } from "next";
import { Suspense } from "react";

import { PageHeader } from "@/components/layout/page-header";
import { PlanningWorkbench } from "@/components/planning/planning-workbench";
import { Skeleton } from "@/components/ui/skeleton";
import { listRegions } from "@/lib/domain/holidays";
import { windowLength } from "@/lib/domain/stages";
import { requireUser } from "@/lib/server/auth/session";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";

export const metadata: Metadata = { title: "Plan a release" };

export default async function PlanPage() {
  await requireUser();
  const settings = await getPlanningSettings();
  const length = windowLength(settings.durations);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Plan a release"
        description={`Pick a go-live and see where the ${length} working days of DEV, TEST, LAST, INT, PREPROD and PROD fall. Nothing is saved.`}
      />
      <Suspense fallback={<Skeleton className="h-[32rem]" />}>
        <PlanningWorkbench
          regions={listRegions()}
          defaultRegion={settings.defaultRegion}
          today={companyToday(settings.companyTimeZone)}
          windowLength={length}
        />
      </Suspense>
    </div>
  );
}

import type { Metadata } from "next";

import { PageHeader } from "@/components/layout/page-header";
import { ReleaseForm } from "@/components/releases/release-form";
import { createReleaseAction } from "@/lib/server/actions/releases";
import { requirePermission } from "@/lib/server/auth/session";
import { listParentCandidates } from "@/lib/server/releases/list-parent-candidates";
import { releaseFormOptions } from "@/lib/server/releases/release-form-options";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

export const metadata: Metadata = { title: "New release" };

type SearchParams = Promise<{ parent?: string }>;

export default async function NewReleasePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("releases.plan");
  const [{ parent }, settings, parents] = await Promise.all([
    searchParams,
    getPlanningSettings(),
    listParentCandidates(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="New release or patch"
        description="Name the artifact, pick the go-live (or the first DEV day) and the six stages are planned over working days."
      />
      <ReleaseForm
        {...await releaseFormOptions(settings)}
        parents={parents}
        initialParentId={parents.some((p) => p.id === parent) ? parent : undefined}
        save={createReleaseAction}
      />
    </div>
  );
}

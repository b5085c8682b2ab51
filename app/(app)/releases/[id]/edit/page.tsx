import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { ReleaseForm } from "@/components/releases/release-form";
import { hasStarted, isArtifactLocked, mayRun } from "@/lib/domain/release-commands";
import { isAppError } from "@/lib/errors";
import { updateReleaseAction } from "@/lib/server/actions/releases";
import { requirePermission } from "@/lib/server/auth/session";
import { getRelease } from "@/lib/server/releases/get-release";
import { releaseFormOptions } from "@/lib/server/releases/release-form-options";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { releaseIdSchema } from "@/lib/validation/releases";

export const metadata: Metadata = { title: "Edit release" };

type Params = Promise<{ id: string }>;

export default async function EditReleasePage({ params }: { params: Params }) {
  const user = await requirePermission("releases.plan");
  const { id } = await params;
  if (!releaseIdSchema.safeParse(id).success) notFound();
  const [release, settings] = await Promise.all([
    getRelease(id).catch((error: unknown) => {
      if (isAppError(error) && error.kind === "NOT_FOUND") notFound();
      throw error;
    }),
    getPlanningSettings(),
  ]);
  const options = await releaseFormOptions(settings);
  if (!mayRun(user, release, "EDIT")) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit ${release.name}`}
        description="Change the details, or re-plan from a new go-live. Stages already signed off keep their dates."
      />
      <ReleaseForm
        {...options}
        parents={[]}
        release={{
          id: release.id,
          revision: release.revision,
          type: release.type,
          name: release.name,
          version: release.version,
          digest: release.digest,
          description: release.description,
          region: release.region,
          product: release.product.key,
          parentName: release.parent?.name ?? null,
          forecastGoLive: release.forecastGoLive,
          hasStarted: hasStarted(release.stages),
          isArtifactLocked: isArtifactLocked(release.stages),
        }}
        save={updateReleaseAction}
      />
    </div>
  );
}

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { getRelease } from "@/lib/server/releases/get-release";
import { updateRelease } from "@/lib/server/releases/update-release";
import { viewerActionsFor } from "@/lib/server/releases/viewer-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { releaseUpdateSchema } from "@/lib/validation/releases";

/** GET /api/releases/{id} — the release, its stages, approvals given and still needed, its patches. */
export const GET = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.read");
  const [release, settings] = await Promise.all([
    getRelease(await releaseIdOf(context)),
    getPlanningSettings(),
  ]);
  return Response.json({ ...release, viewer: await viewerActionsFor(release, user, settings) });
});

/** PATCH /api/releases/{id} — release managers; edit or re-plan, with the revision the client saw. */
export const PATCH = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const input = await parseJsonBody(request, releaseUpdateSchema);
  return Response.json(await updateRelease(user, id, input));
});

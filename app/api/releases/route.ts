import { canPlanReleases, canViewReleases } from "@/lib/permissions";
import {
  apiRoute,
  authenticate,
  authorize,
  parseJsonBody,
  parseSearchParams,
} from "@/lib/server/api/handler";
import { createRelease } from "@/lib/server/releases/create-release";
import { listReleases } from "@/lib/server/releases/list-releases";
import { releaseCreateSchema, releaseListQuerySchema } from "@/lib/validation/releases";

export const GET = apiRoute(async (request) => {
  const user = await authenticate(request);
  authorize(canViewReleases(user.role), "You may not view releases.");
  const query = parseSearchParams(request, releaseListQuerySchema);
  return Response.json(await listReleases(query));
});

/** POST /api/releases — release managers; plans the release and answers 201 with it. */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request);
  authorize(canPlanReleases(user.role), "Only release managers create releases and patches.");
  const input = await parseJsonBody(request, releaseCreateSchema);
  const release = await createRelease(user, input);
  return Response.json(release, {
    status: 201,
    headers: { location: `/api/releases/${release.id}` },
  });
});

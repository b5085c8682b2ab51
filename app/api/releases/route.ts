import { canViewReleases } from "@/lib/permissions";
import { apiRoute, authenticate, authorize, parseSearchParams } from "@/lib/server/api/handler";
import { listReleases } from "@/lib/server/releases/list-releases";
import { releaseListQuerySchema } from "@/lib/validation/releases";

export const GET = apiRoute(async (request) => {
  const user = await authenticate(request);
  authorize(canViewReleases(user.role), "You may not view releases.");
  const query = parseSearchParams(request, releaseListQuerySchema);
  return Response.json(await listReleases(query));
});

import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { pageOf, pageResponse } from "@/lib/server/api/paging";
import { createRelease } from "@/lib/server/releases/create-release";
import { listReleases } from "@/lib/server/releases/list-releases";
import { releaseApiQuerySchema, releaseCreateSchema } from "@/lib/validation/releases";

export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const { limit, cursor, ...filters } = parseSearchParams(request, releaseApiQuerySchema);
  return pageResponse(request, pageOf(await listReleases(filters), { limit, cursor }));
});

/** POST /api/releases — release managers; plans the release and answers 201 with it. */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "releases.plan");
  const input = await parseJsonBody(request, releaseCreateSchema);
  const release = await createRelease(user, input);
  return Response.json(release, {
    status: 201,
    headers: { location: `/api/releases/${release.id}` },
  });
});

import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { pageOf, pageResponse } from "@/lib/server/api/paging";
import { createRelease } from "@/lib/server/releases/create-release";
import { getReleasesByIds, listReleaseIds } from "@/lib/server/releases/list-releases";
import { releaseApiQuerySchema, releaseCreateSchema } from "@/lib/validation/releases";

export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const { limit, cursor, ...filters } = parseSearchParams(request, releaseApiQuerySchema);
  // The order and the period rule read a few columns of every match; whole releases, one page.
  const page = pageOf(await listReleaseIds(filters), { limit, cursor });
  return pageResponse(request, { ...page, items: await getReleasesByIds(page.items) });
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

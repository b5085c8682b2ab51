import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { unwatchRelease, watchRelease } from "@/lib/server/notes/watches";

/** PUT /api/me/watches/releases/{id} — watch one release → 204 (again: no change). */
export const PUT = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "watches.manage");
  await watchRelease(user, await releaseIdOf(context));
  return new Response(null, { status: 204 });
});

/** DELETE /api/me/watches/releases/{id} — stop watching the release → 204. */
export const DELETE = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "watches.manage");
  await unwatchRelease(user, await releaseIdOf(context));
  return new Response(null, { status: 204 });
});

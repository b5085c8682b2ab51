import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { publishReleaseNotes } from "@/lib/server/notes/release-notes";

/**
 * POST /api/releases/{id}/notes/publish — release managers: publish the notes now (they are
 * published at go-live otherwise); 409 NOTHING_TO_PUBLISH when there are none.
 */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.notes");
  const id = await releaseIdOf(context);
  return Response.json(await publishReleaseNotes(user, id));
});

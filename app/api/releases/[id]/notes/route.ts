import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { releaseJsonRoute } from "@/lib/server/api/release-list-route";
import { getReleaseNotes, putReleaseNotes } from "@/lib/server/notes/release-notes";
import { notesInputSchema } from "@/lib/validation/notes";

/** GET /api/releases/{id}/notes — signed in: the notes (Markdown and sanitised HTML), draft or published. */
export const GET = releaseJsonRoute(getReleaseNotes);

/**
 * PUT /api/releases/{id}/notes — release managers, or their `deploy` token: `{"markdown"}` or
 * `{"commits": [{"sha", "message", "url"?}]}` (grouped by Conventional Commits). Over 200 KB → 413;
 * a cancelled release → 409 RELEASE_CLOSED.
 */
export const PUT = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.notes");
  const id = await releaseIdOf(context);
  const input = await parseJsonBody(request, notesInputSchema);
  return Response.json(await putReleaseNotes(user, id, input));
});

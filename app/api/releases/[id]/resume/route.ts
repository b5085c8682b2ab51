import { apiRoute, authenticate, parseOptionalJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { resumeRelease } from "@/lib/server/releases/stage-actions";
import { commentSchema } from "@/lib/validation/releases";

/** POST /api/releases/{id}/resume — release managers; `{"comment"?}`. */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const { comment } = await parseOptionalJsonBody(request, commentSchema);
  return Response.json(await resumeRelease({ id, actor: user, reason: comment }));
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { holdRelease } from "@/lib/server/releases/stage-actions";
import { reasonSchema } from "@/lib/validation/releases";

/** POST /api/releases/{id}/hold — release managers; `{"reason", "revision"?}`. */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const { reason, revision } = await parseJsonBody(request, reasonSchema);
  return Response.json(await holdRelease({ id, actor: user, reason, revision }));
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { previewReplan } from "@/lib/server/releases/preview-replan";
import { whatIfSchema } from "@/lib/validation/releases";

/**
 * POST /api/releases/{id}/what-if — release managers; `{"goLive"}`, `{"start"}` or
 * `{"stageEnd": {"key", "end"}}`: what the re-plan would move. Writes nothing; save it with PATCH.
 */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const input = await parseJsonBody(request, whatIfSchema);
  return Response.json(await previewReplan(user, id, input));
});

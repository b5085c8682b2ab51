import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { planRollout } from "@/lib/server/releases/rollout";
import { rolloutSchema } from "@/lib/validation/releases";

/**
 * PUT /api/releases/{id}/rollout — release manager, before PROD is signed off:
 * `{"strategy", "steps": [{"date", "percent"?, "label"?}], "flags"?}` → 200 with the release.
 */
export const PUT = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const input = await parseJsonBody(request, rolloutSchema);
  return Response.json(await planRollout(user, id, input));
});

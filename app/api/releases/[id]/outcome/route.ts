import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { recordOutcome } from "@/lib/server/releases/record-outcome";
import { outcomeSchema } from "@/lib/validation/releases";

/**
 * POST /api/releases/{id}/outcome — release manager or QA, live releases only:
 * `{"outcome", "comment", "patchId"?, "rolledBackTo"?, "restoredOn"?}` → 200 with the release.
 */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.outcome");
  const id = await releaseIdOf(context);
  const input = await parseJsonBody(request, outcomeSchema);
  return Response.json(await recordOutcome(user, id, input));
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { releaseJsonRoute } from "@/lib/server/api/release-list-route";
import { listPromotions, requestPromotion } from "@/lib/server/gitops/promotions";
import { promotionRequestSchema } from "@/lib/validation/gitops";

/** GET /api/releases/{id}/promotions — signed in: the release's promotions, newest first. */
export const GET = releaseJsonRoute(listPromotions);

/**
 * POST /api/releases/{id}/promotions — release managers: `{"environment"}` → 201, written by the
 * worker; 409 NOT_SIGNED_OFF when the stage before it is not signed off.
 */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const { environment } = await parseJsonBody(request, promotionRequestSchema);
  return Response.json(await requestPromotion(user, id, environment), { status: 201 });
});

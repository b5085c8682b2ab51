import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { retryPromotion } from "@/lib/server/gitops/promotions";

/** POST /api/promotions/{id}/retry — release managers: a failed promotion is tried again now. */
export const POST = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  return Response.json(await retryPromotion(user, await idOf(context, "promotion")));
});

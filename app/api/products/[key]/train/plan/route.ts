import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { planTrainReleases } from "@/lib/server/products/trains";
import { trainBatchSchema } from "@/lib/validation/products";

/** POST /api/products/{key}/train/plan — release managers: `{"count"}` → 201, all or nothing. */
export const POST = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const key = await productKeyOf(context);
  const { count } = await parseJsonBody(request, trainBatchSchema);
  return Response.json(await planTrainReleases(user, key, count), { status: 201 });
});

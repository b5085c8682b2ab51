import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { previewTrain } from "@/lib/server/products/trains";
import { trainBatchSchema } from "@/lib/validation/products";

/** POST /api/products/{key}/train/preview — release managers: `{"count"}`; writes nothing. */
export const POST = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const key = await productKeyOf(context);
  const { count } = await parseJsonBody(request, trainBatchSchema);
  return Response.json(await previewTrain(user, key, count));
});

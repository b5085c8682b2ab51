import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { deleteTrain, getTrain, setTrain } from "@/lib/server/products/trains";
import { trainSchema } from "@/lib/validation/products";

/** GET /api/products/{key}/train — the product's release train and its coming dates. */
export const GET = apiRoute<ProductParams>(async (request, context) => {
  await authenticate(request, "releases.read");
  return Response.json(await getTrain(await productKeyOf(context)));
});

/**
 * PUT /api/products/{key}/train — the product's owners and administrators:
 * `{"rule", "firstGoLive", "namePattern", "versionPattern"?, "region"?}`.
 */
export const PUT = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  const key = await productKeyOf(context);
  const input = await parseJsonBody(request, trainSchema);
  return Response.json(await setTrain(user, key, input));
});

/** DELETE /api/products/{key}/train — the owners and administrators; its releases stay. */
export const DELETE = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  await deleteTrain(user, await productKeyOf(context));
  return new Response(null, { status: 204 });
});

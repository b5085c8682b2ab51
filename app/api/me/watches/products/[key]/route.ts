import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { unwatchProduct, watchProduct } from "@/lib/server/notes/watches";

/** PUT /api/me/watches/products/{key} — watch every release of a product → 204 (again: no change). */
export const PUT = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "watches.manage");
  await watchProduct(user, await productKeyOf(context));
  return new Response(null, { status: 204 });
});

/** DELETE /api/me/watches/products/{key} — stop watching the product → 204. */
export const DELETE = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "watches.manage");
  await unwatchProduct(user, await productKeyOf(context));
  return new Response(null, { status: 204 });
});

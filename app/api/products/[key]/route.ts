import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { getProduct, updateProduct } from "@/lib/server/products/products";
import { productUpdateSchema } from "@/lib/validation/products";

/** GET /api/products/{key} */
export const GET = apiRoute<ProductParams>(async (request, context) => {
  await authenticate(request, "releases.read");
  return Response.json(await getProduct(await productKeyOf(context)));
});

/** PATCH /api/products/{key} — admin or release manager: `{"name"?, "ownerIds"?, "description"?}`. */
export const PATCH = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  const key = await productKeyOf(context);
  const input = await parseJsonBody(request, productUpdateSchema);
  return Response.json(await updateProduct(user, key, input));
});

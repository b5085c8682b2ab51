import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { createProduct, listProducts } from "@/lib/server/products/products";
import { emptyQuerySchema } from "@/lib/validation/common";
import { productCreateSchema } from "@/lib/validation/products";

/** GET /api/products — every product with owners and named approvers, by name. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(await listProducts());
});

/** POST /api/products — admin or release manager: `{"key", "name", "ownerIds", "description"?}` → 201. */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "products.manage");
  const input = await parseJsonBody(request, productCreateSchema);
  return Response.json(await createProduct(user, input), { status: 201 });
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ProductStageParams, productKeyOf, stageKeyOf } from "@/lib/server/api/params";
import { setApprovers } from "@/lib/server/products/products";
import { approversSchema } from "@/lib/validation/products";

/**
 * PUT /api/products/{key}/approvers/{STAGE} — admin or the product's owners: `{"userIds": [...]}`
 * (empty = the role rule alone) → 200 with the product.
 */
export const PUT = apiRoute<ProductStageParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  const [key, stage] = [await productKeyOf(context), await stageKeyOf(context)];
  const { userIds } = await parseJsonBody(request, approversSchema);
  return Response.json(await setApprovers(user, key, stage, userIds));
});

import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { testGitopsTarget } from "@/lib/server/gitops/targets";

/** POST /api/products/{key}/gitops/test — owners and admins: reads the branch → `{"ok", "head", "message"}`. */
export const POST = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  return Response.json(await testGitopsTarget(user, await productKeyOf(context)));
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { deleteGitopsTarget, getGitopsTarget, setGitopsTarget } from "@/lib/server/gitops/targets";
import { gitopsTargetSchema } from "@/lib/validation/gitops";

/** GET /api/products/{key}/gitops — owners and admins: the product's GitOps target (no token). */
export const GET = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  return Response.json(await getGitopsTarget(user, await productKeyOf(context)));
});

/**
 * PUT /api/products/{key}/gitops — owners and admins: `{"repository", "branch", "username"?,
 * "token"? (write-only), "author": {"name", "email"}, "environments": {"TEST": {"file", "set"}}}`.
 */
export const PUT = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  const key = await productKeyOf(context);
  const input = await parseJsonBody(request, gitopsTargetSchema);
  return Response.json(await setGitopsTarget(user, key, input));
});

/** DELETE /api/products/{key}/gitops — owners and admins → 204; promotions stop. */
export const DELETE = apiRoute<ProductParams>(async (request, context) => {
  const user = await authenticate(request, "products.manage");
  await deleteGitopsTarget(user, await productKeyOf(context));
  return new Response(null, { status: 204 });
});

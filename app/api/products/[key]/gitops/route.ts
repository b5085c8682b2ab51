import { productResourceRoute } from "@/lib/server/api/product-resource-route";
import { deleteGitopsTarget, getGitopsTarget, setGitopsTarget } from "@/lib/server/gitops/targets";
import { gitopsTargetSchema } from "@/lib/validation/gitops";

const route = productResourceRoute({
  read: "products.manage",
  get: getGitopsTarget,
  schema: gitopsTargetSchema,
  set: setGitopsTarget,
  remove: deleteGitopsTarget,
});

/** GET /api/products/{key}/gitops — owners and admins: the product's GitOps target (no token). */
export const GET = route.GET;

/**
 * PUT /api/products/{key}/gitops — owners and admins: `{"repository", "branch", "username"?,
 * "token"? (write-only), "author": {"name", "email"}, "environments": {"TEST": {"file", "set"}}}`.
 */
export const PUT = route.PUT;

/** DELETE /api/products/{key}/gitops — owners and admins → 204; promotions stop. */
export const DELETE = route.DELETE;

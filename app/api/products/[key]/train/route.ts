import { productResourceRoute } from "@/lib/server/api/product-resource-route";
import { deleteTrain, getTrain, setTrain } from "@/lib/server/products/trains";
import { trainSchema } from "@/lib/validation/products";

const route = productResourceRoute({
  read: "releases.read",
  get: (_user, key) => getTrain(key),
  schema: trainSchema,
  set: setTrain,
  remove: deleteTrain,
});

/** GET /api/products/{key}/train — the product's release train and its coming dates. */
export const GET = route.GET;

/**
 * PUT /api/products/{key}/train — the product's owners and administrators:
 * `{"rule", "firstGoLive", "namePattern", "versionPattern"?, "region"?}`.
 */
export const PUT = route.PUT;

/** DELETE /api/products/{key}/train — the owners and administrators; its releases stay. */
export const DELETE = route.DELETE;

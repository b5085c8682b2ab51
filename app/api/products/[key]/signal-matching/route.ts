import { productResourceRoute } from "@/lib/server/api/product-resource-route";
import {
  getSignalMatching,
  resetSignalMatching,
  setSignalMatching,
} from "@/lib/server/signals/matching";
import { signalMatchingSchema } from "@/lib/validation/signals";

const route = productResourceRoute({
  read: "products.manage",
  get: getSignalMatching,
  schema: signalMatchingSchema,
  set: setSignalMatching,
  remove: resetSignalMatching,
});

/** GET /api/products/{key}/signal-matching — owners and admins: how alerts name the product. */
export const GET = route.GET;

/**
 * PUT /api/products/{key}/signal-matching — owners and admins: `{"productLabels",
 * "environmentLabels", "environmentValues": {"prod": "PROD"}, "severities"}`.
 */
export const PUT = route.PUT;

/** DELETE /api/products/{key}/signal-matching — back to the defaults → 204. */
export const DELETE = route.DELETE;

import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { pageOf, pageResponse } from "@/lib/server/api/paging";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { publishedNotesOf } from "@/lib/server/notes/product-notes";
import { productNotesQuerySchema } from "@/lib/validation/notes";

/**
 * GET /api/products/{key}/notes?from=&to=&limit=&cursor= — signed in: the product's published
 * notes whose go-live lies in the period, newest first (paged).
 */
export const GET = apiRoute<ProductParams>(async (request, context) => {
  await authenticate(request, "releases.read");
  const key = await productKeyOf(context);
  const { from, to, ...page } = parseSearchParams(request, productNotesQuerySchema);
  return pageResponse(request, pageOf(await publishedNotesOf(key, { from, to }), page));
});

import { apiRoute, parseSearchParams } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { type ProductParams, productKeyOf } from "@/lib/server/api/params";
import { userOfFeedToken } from "@/lib/server/calendar-feed/feed-tokens";
import { productNotesFeed } from "@/lib/server/notes/product-notes";
import { notesFeedQuerySchema } from "@/lib/validation/notes";

/**
 * GET /api/products/{key}/notes.atom?token=… — the Atom 1.0 feed of the product's published
 * notes; the personal calendar-feed token in the URL is the credential (as for calendar.ics).
 */
export const GET = apiRoute<ProductParams>(async (request, context) => {
  const { token } = parseSearchParams(request, notesFeedQuerySchema);
  await userOfFeedToken(token ?? "");
  const key = await productKeyOf(context);
  return new Response(await productNotesFeed(key, publicOrigin(request)), {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "private, max-age=300",
    },
  });
});

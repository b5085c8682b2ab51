import { z } from "zod";

import { apiRoute, parseSearchParams } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { buildFeed } from "@/lib/server/calendar-feed/build-feed";
import { userOfFeedToken } from "@/lib/server/calendar-feed/feed-tokens";
import { productListParam } from "@/lib/validation/products";

const feedQuerySchema = z.object({
  token: z.string().max(200).optional(),
  product: productListParam.optional(),
});

/**
 * GET /api/calendar.ics?token=…&product=a&product=b — the iCalendar feed (of the named products
 * only, when given); the secret token in the URL is the credential.
 */
export const GET = apiRoute(async (request) => {
  const { token, product } = parseSearchParams(request, feedQuerySchema);
  const user = await userOfFeedToken(token ?? "");
  const body = await buildFeed(user, publicOrigin(request), { products: product });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="release-calendar.ics"',
      "cache-control": "private, max-age=300",
    },
  });
});

import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { pageFrom, pageResponse } from "@/lib/server/api/paging";
import { listUndelivered } from "@/lib/server/notifications/webhooks";
import { pageQuerySchema } from "@/lib/validation/common";

/** GET /api/deliveries?limit&cursor — admin: emails held (no SMTP server) and deliveries failed. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "settings.manage");
  const query = parseSearchParams(request, pageQuerySchema);
  return pageResponse(request, await pageFrom(query, (slice) => listUndelivered(user, slice)));
});

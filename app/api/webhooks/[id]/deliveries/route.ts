import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { pageFrom, pageResponse } from "@/lib/server/api/paging";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { listWebhookDeliveries } from "@/lib/server/notifications/webhooks";
import { pageQuerySchema } from "@/lib/validation/common";

/** GET /api/webhooks/{id}/deliveries?limit&cursor — admin: the webhook's deliveries, newest first. */
export const GET = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "settings.manage");
  const id = await idOf(context, "webhook");
  const query = parseSearchParams(request, pageQuerySchema);
  return pageResponse(
    request,
    await pageFrom(query, (slice) => listWebhookDeliveries(user, id, slice)),
  );
});

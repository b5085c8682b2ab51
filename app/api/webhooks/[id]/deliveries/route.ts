import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { listWebhookDeliveries } from "@/lib/server/notifications/webhooks";

/** GET /api/webhooks/{id}/deliveries — admin: the webhook's deliveries, newest first. */
export const GET = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "settings.manage");
  return Response.json(await listWebhookDeliveries(user, await idOf(context, "webhook")));
});

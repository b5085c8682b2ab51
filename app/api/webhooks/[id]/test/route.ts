import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { sendTestEvent } from "@/lib/server/notifications/webhooks";

/** POST /api/webhooks/{id}/test — admin: queues a `webhook.test` delivery to this webhook → 202. */
export const POST = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "settings.manage");
  return Response.json(await sendTestEvent(user, await idOf(context, "webhook")), { status: 202 });
});

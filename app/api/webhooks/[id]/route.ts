import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { deleteWebhook } from "@/lib/server/notifications/webhooks";

/** DELETE /api/webhooks/{id} — admin: nothing more is sent to it; its delivery log stays. */
export const DELETE = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "settings.manage");
  await deleteWebhook(user, await idOf(context, "webhook"));
  return new Response(null, { status: 204 });
});

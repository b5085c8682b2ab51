import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { createWebhook, listWebhooks } from "@/lib/server/notifications/webhooks";
import { emptyQuerySchema } from "@/lib/validation/common";
import { webhookCreateSchema } from "@/lib/validation/notifications";

/** GET /api/webhooks — admin: the webhooks in use (never their secret). */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "settings.manage");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(await listWebhooks(user));
});

/** POST /api/webhooks — admin: `{"url", "events", "secret", "description"?}` → 201. */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "settings.manage");
  const input = await parseJsonBody(request, webhookCreateSchema);
  return Response.json(await createWebhook(user, input), { status: 201 });
});

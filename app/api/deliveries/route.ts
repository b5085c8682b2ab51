import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { listUndelivered } from "@/lib/server/notifications/webhooks";
import { emptyQuerySchema } from "@/lib/validation/common";

/** GET /api/deliveries — admin: emails held (no SMTP server) and deliveries that failed. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "settings.manage");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(await listUndelivered(user));
});

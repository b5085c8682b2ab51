import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from "@/lib/server/notifications/webhooks";
import { emptyQuerySchema } from "@/lib/validation/common";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";

/** GET /api/me/notifications — which emails the caller gets. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "account.read");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(await getNotificationPreferences(user));
});

/** PUT /api/me/notifications — `{"email": {"approvalRequested": true, …}}`. */
export const PUT = apiRoute(async (request) => {
  const user = await authenticate(request, "account.manage");
  const input = await parseJsonBody(request, notificationPreferencesSchema);
  return Response.json(await updateNotificationPreferences(user, input));
});

import { apiRoute, authenticateCaller, parseJsonBody } from "@/lib/server/api/handler";
import { changeOwnPassword } from "@/lib/server/users/own-account";
import { passwordChangeSchema } from "@/lib/validation/users";

/** POST /api/me/password — `{"currentPassword", "newPassword"}` (12 to 72 bytes) → 204; other sessions end. */
export const POST = apiRoute(async (request) => {
  const { user, sessionId } = await authenticateCaller(request, "account.manage");
  const input = await parseJsonBody(request, passwordChangeSchema);
  // The browser that changed it keeps its session; every other one ends.
  await changeOwnPassword(user, { ...input, keepSessionId: sessionId });
  return new Response(null, { status: 204 });
});

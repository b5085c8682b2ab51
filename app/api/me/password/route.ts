import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { currentSessionId } from "@/lib/server/auth/session";
import { changeOwnPassword } from "@/lib/server/users/own-account";
import { passwordChangeSchema } from "@/lib/validation/users";

/** POST /api/me/password — `{"currentPassword", "newPassword"}` (12 to 72 bytes) → 204; other sessions end. */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "account.manage");
  const input = await parseJsonBody(request, passwordChangeSchema);
  // A browser keeps its own session; a script with a token has none to keep.
  const keepSessionId = request.headers.has("authorization") ? null : await currentSessionId();
  await changeOwnPassword(user, { ...input, keepSessionId });
  return new Response(null, { status: 204 });
});

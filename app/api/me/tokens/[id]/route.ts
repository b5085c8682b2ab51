import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { revokeApiToken } from "@/lib/server/users/api-tokens";

/** DELETE /api/me/tokens/{id} — revokes one of the caller's tokens → 204. */
export const DELETE = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "account.manage");
  await revokeApiToken(user, await idOf(context, "API token"), { ownerId: user.id });
  return new Response(null, { status: 204 });
});

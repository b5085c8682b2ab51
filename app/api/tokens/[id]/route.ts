import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { revokeApiToken } from "@/lib/server/users/api-tokens";

/** DELETE /api/tokens/{id} — admins revoke anyone's token → 204. */
export const DELETE = apiRoute<IdParams>(async (request, context) => {
  const admin = await authenticate(request, "users.manage");
  await revokeApiToken(admin, await idOf(context, "API token"));
  return new Response(null, { status: 204 });
});

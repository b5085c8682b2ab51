import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { endDelegation } from "@/lib/server/delegations/delegations";

/** DELETE /api/me/delegations/{id} — ends one of the caller's delegations now → 204. */
export const DELETE = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "account.delegate");
  await endDelegation(user, await idOf(context, "delegation"));
  return new Response(null, { status: 204 });
});

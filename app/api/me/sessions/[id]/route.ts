import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { endSession } from "@/lib/server/users/sessions";

/** DELETE /api/me/sessions/{id} — signs one of the caller's sessions out → 204. */
export const DELETE = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "account.manage");
  await endSession(user.id, await idOf(context, "session"));
  return new Response(null, { status: 204 });
});

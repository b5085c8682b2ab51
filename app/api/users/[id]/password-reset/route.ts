import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { forcePasswordReset } from "@/lib/server/users/manage-users";

/** POST /api/users/{id}/password-reset — admins: the password stops working; a one-time link to set a new one. */
export const POST = apiRoute<IdParams>(async (request, context) => {
  const admin = await authenticate(request, "users.manage");
  const id = await idOf(context, "user");
  return Response.json(await forcePasswordReset(admin, id, publicOrigin(request)));
});

import { apiRoute, authenticate, parseOptionalJsonBody } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { forcePasswordReset } from "@/lib/server/users/manage-users";
import { passwordResetSchema } from "@/lib/validation/users";

/**
 * POST /api/users/{id}/password-reset — admins: the password stops working; a one-time link to set
 * a new one. `{"revokeAccess": true}` also revokes the person's API tokens and calendar feed.
 */
export const POST = apiRoute<IdParams>(async (request, context) => {
  const admin = await authenticate(request, "users.manage");
  const id = await idOf(context, "user");
  const input = await parseOptionalJsonBody(request, passwordResetSchema);
  return Response.json(await forcePasswordReset(admin, id, publicOrigin(request), input));
});

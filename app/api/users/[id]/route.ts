import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { getUser, updateUser } from "@/lib/server/users/manage-users";
import { userUpdateSchema } from "@/lib/validation/users";

/** GET /api/users/{id} — admins. */
export const GET = apiRoute<IdParams>(async (request, context) => {
  await authenticate(request, "users.manage");
  return Response.json(await getUser(await idOf(context, "user")));
});

/** PATCH /api/users/{id} — admins: `{"name"?, "role"?, "isActive"?}`; the last active admin stays. */
export const PATCH = apiRoute<IdParams>(async (request, context) => {
  const admin = await authenticate(request, "users.manage");
  const id = await idOf(context, "user");
  const input = await parseJsonBody(request, userUpdateSchema);
  return Response.json(await updateUser(admin, id, input));
});

import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { pageResponse } from "@/lib/server/api/paging";
import { createUser, listUsers } from "@/lib/server/users/manage-users";
import { userCreateSchema, userListQuerySchema } from "@/lib/validation/users";

/** GET /api/users?q&role&active&limit&cursor — admins: every field; others: active users' names. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "people.read");
  const query = parseSearchParams(request, userListQuerySchema);
  return pageResponse(request, await listUsers(user, query));
});

/** POST /api/users — admins; without a password the answer carries a one-time setPasswordUrl. */
export const POST = apiRoute(async (request) => {
  const admin = await authenticate(request, "users.manage");
  const input = await parseJsonBody(request, userCreateSchema);
  const { user, setPasswordUrl } = await createUser(admin, input, publicOrigin(request));
  return Response.json(
    { ...user, ...(setPasswordUrl && { setPasswordUrl }) },
    { status: 201, headers: { location: `/api/users/${user.id}` } },
  );
});

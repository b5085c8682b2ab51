import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { listSessions } from "@/lib/server/users/sessions";

/** GET /api/me/sessions — where the caller is signed in: when, with what, from where. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "account.read");
  return Response.json(await listSessions(user.id));
});

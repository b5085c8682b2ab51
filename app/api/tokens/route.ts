import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { listAllTokens } from "@/lib/server/users/api-tokens";

/** GET /api/tokens — admins: every usable token with its owner, never the secrets. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "users.manage");
  return Response.json(await listAllTokens());
});

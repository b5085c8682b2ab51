import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { createApiToken, listOwnTokens } from "@/lib/server/users/api-tokens";
import { tokenCreateSchema } from "@/lib/validation/users";

/** GET /api/me/tokens — the caller's tokens, never their secrets. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "account.read");
  return Response.json(await listOwnTokens(user));
});

/** POST /api/me/tokens — `{"name", "scope", "expiresAt"?}` → 201 with `token` (shown only here). */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "account.manage");
  const input = await parseJsonBody(request, tokenCreateSchema);
  return Response.json(await createApiToken(user, input), { status: 201 });
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { createDelegation, listMyDelegations } from "@/lib/server/delegations/delegations";
import { delegationCreateSchema } from "@/lib/validation/delegations";

/** GET /api/me/delegations — running and upcoming delegations the caller gave or received. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "account.read");
  const { given, received } = await listMyDelegations(user);
  return Response.json([...given, ...received]);
});

/** POST /api/me/delegations — `{"deputyId", "from", "to"}` → 201 with the delegation. */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "account.delegate");
  const input = await parseJsonBody(request, delegationCreateSchema);
  return Response.json(await createDelegation(user, input), { status: 201 });
});

import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { listMyApprovals } from "@/lib/server/releases/list-my-approvals";

/** GET /api/me/approvals — the stages waiting for the caller's decision. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "releases.read");
  return Response.json(await listMyApprovals(user));
});

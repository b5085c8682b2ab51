import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { listWhatWaits } from "@/lib/server/releases/list-my-approvals";

/**
 * GET /api/me/approvals — the stages waiting for the caller's decision (`items`), and live
 * releases whose outcome is due (`outcomesDue`, for release managers and QA).
 */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "releases.read");
  return Response.json(await listWhatWaits(user));
});

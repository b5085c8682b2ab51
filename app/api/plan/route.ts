import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { planRelease } from "@/lib/server/planning/plan-release";
import { planRequestSchema } from "@/lib/validation/plan";

/** POST /api/plan — any signed-in user; writes nothing. */
export const POST = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const body = await parseJsonBody(request, planRequestSchema);
  return Response.json(await planRelease(body));
});

import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { searchPlan } from "@/lib/server/planning/search-plan";
import { planSearchSchema } from "@/lib/validation/plan";

/**
 * POST /api/plan/search — any signed-in user; writes nothing. The earliest go-lives whose whole
 * plan fits in the environments, and why earlier dates did not.
 */
export const POST = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const body = await parseJsonBody(request, planSearchSchema);
  return Response.json(await searchPlan(body));
});

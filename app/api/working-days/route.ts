import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { describeDays } from "@/lib/server/planning/describe-days";
import { workingDaysQuerySchema } from "@/lib/validation/plan";

/** GET /api/working-days?region&from&to — weekends, holidays, closures and freezes in a range. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const query = parseSearchParams(request, workingDaysQuerySchema);
  return Response.json(await describeDays(query.region, query.from, query.to));
});

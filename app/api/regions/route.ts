import { listRegions } from "@/lib/domain/holidays";
import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { emptyQuerySchema } from "@/lib/validation/common";

/** GET /api/regions — the holiday regions the calendar supports, with their names. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(listRegions(), { headers: { "cache-control": "private, max-age=3600" } });
});

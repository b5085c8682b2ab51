import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { listWatches } from "@/lib/server/notes/watches";
import { emptyQuerySchema } from "@/lib/validation/common";

/** GET /api/me/watches — the products and releases the caller watches, and their slip threshold. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "releases.read");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(await listWatches(user));
});

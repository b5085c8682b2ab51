import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { listExceptions } from "@/lib/server/windows/exceptions";
import { exceptionQuerySchema } from "@/lib/validation/windows";

/** GET /api/exceptions?state=REQUESTED — anyone signed in: exceptions to the windows, newest first. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const { state } = parseSearchParams(request, exceptionQuerySchema);
  return Response.json(await listExceptions({ state }));
});

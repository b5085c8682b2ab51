import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { releaseJsonRoute } from "@/lib/server/api/release-list-route";
import { listExceptions, requestException } from "@/lib/server/windows/exceptions";
import { listRefusedChecks } from "@/lib/server/windows/gate";
import { exceptionSchema } from "@/lib/validation/windows";

/** GET /api/releases/{id}/exceptions — its exceptions, and the deployments the gate refused it. */
export const GET = releaseJsonRoute(async (id) => {
  const [items, refused] = await Promise.all([
    listExceptions({ releaseId: id }),
    listRefusedChecks(id),
  ]);
  return { items, refused };
});

/**
 * POST /api/releases/{id}/exceptions — release managers: `{"environment", "from", "to", "reason"}`
 * (ISO instants, at most 72 hours, ending after now) → 201, waiting for another person's decision.
 */
export const POST = apiRoute<ReleaseParams>(async (request, context) => {
  const user = await authenticate(request, "exceptions.request");
  const id = await releaseIdOf(context);
  const input = await parseJsonBody(request, exceptionSchema);
  return Response.json(await requestException(user, id, input), { status: 201 });
});

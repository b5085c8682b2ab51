import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { listAudit } from "@/lib/server/releases/list-audit";

/** GET /api/releases/{id}/audit — the audit trail, oldest first. */
export const GET = apiRoute<ReleaseParams>(async (request, context) => {
  await authenticate(request, "releases.read");
  return Response.json(await listAudit(await releaseIdOf(context)));
});

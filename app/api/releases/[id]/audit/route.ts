import { z } from "zod";

import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { pageOf, pageResponse } from "@/lib/server/api/paging";
import { type ReleaseParams, releaseIdOf } from "@/lib/server/api/params";
import { listAudit } from "@/lib/server/releases/list-audit";
import { pageQuery } from "@/lib/validation/common";

const auditQuerySchema = z.object(pageQuery);

/** GET /api/releases/{id}/audit?limit&cursor — the audit trail, oldest first. */
export const GET = apiRoute<ReleaseParams>(async (request, context) => {
  await authenticate(request, "releases.read");
  const id = await releaseIdOf(context);
  const page = parseSearchParams(request, auditQuerySchema);
  return pageResponse(request, pageOf(await listAudit(id), page));
});

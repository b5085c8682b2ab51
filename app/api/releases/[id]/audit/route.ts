import { releaseListRoute } from "@/lib/server/api/release-list-route";
import { listAudit } from "@/lib/server/releases/list-audit";

/** GET /api/releases/{id}/audit?limit&cursor — the audit trail, oldest first. */
export const GET = releaseListRoute(listAudit);

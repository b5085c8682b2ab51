import { releaseListRoute } from "@/lib/server/api/release-list-route";
import { listDeployments } from "@/lib/server/deployments/list-deployments";

/** GET /api/releases/{id}/deployments?limit&cursor — the release's deployments, oldest first. */
export const GET = releaseListRoute(listDeployments);

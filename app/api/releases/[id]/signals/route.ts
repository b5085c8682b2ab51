import { releaseJsonRoute } from "@/lib/server/api/release-list-route";
import { listReleaseSignals } from "@/lib/server/signals/signals";

/** GET /api/releases/{id}/signals — signed in: the signals of the release's observation, newest first. */
export const GET = releaseJsonRoute(listReleaseSignals);

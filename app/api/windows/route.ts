import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { createWindow, listWindows } from "@/lib/server/windows/windows";
import { emptyQuerySchema } from "@/lib/validation/common";
import { windowSchema } from "@/lib/validation/windows";

/** GET /api/windows — anyone signed in: the deployment windows, their next occurrences, the freezes. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  parseSearchParams(request, emptyQuerySchema);
  return Response.json(await listWindows());
});

/**
 * POST /api/windows — administrators: `{"name", "kind", "environments", "products"?, "rule",
 * "startTime", "durationMinutes", "startsOn"?}` → 201; 422 EMPTY_RULE for a rule that never fires.
 */
export const POST = apiRoute(async (request) => {
  const admin = await authenticate(request, "settings.manage");
  const input = await parseJsonBody(request, windowSchema);
  return Response.json(await createWindow(admin, input), { status: 201 });
});

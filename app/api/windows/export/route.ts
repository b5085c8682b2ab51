import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { exportWindows } from "@/lib/server/windows/export";
import { windowExportQuerySchema } from "@/lib/validation/windows";

/**
 * GET /api/windows/export?format=argocd|gitlab|ics&environment=PROD[&product=key] — anyone signed
 * in: an Argo CD AppProject (YAML), GitLab freeze periods (JSON) or iCalendar.
 */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const query = parseSearchParams(request, windowExportQuerySchema);
  const file = await exportWindows(query);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `inline; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});

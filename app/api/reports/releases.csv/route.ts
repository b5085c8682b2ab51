import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { exportReleasesCsv } from "@/lib/server/reports/export-releases-csv";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { reportPeriod, reportQuerySchema } from "@/lib/validation/reports";

/** GET /api/reports/releases.csv?from&to&type — the releases of a period with their stage dates, as CSV. */
export const GET = apiRoute(async (request) => {
  await authenticate(request, "releases.read");
  const query = parseSearchParams(request, reportQuerySchema);
  const settings = await getPlanningSettings();
  const period = reportPeriod(query, companyToday(settings.companyTimeZone));
  const csv = await exportReleasesCsv({ ...period, type: query.type, product: query.product });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="releases-${period.from}-to-${period.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});

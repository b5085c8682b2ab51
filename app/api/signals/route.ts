import { apiRoute, authenticate, parseJsonBody, parseSearchParams } from "@/lib/server/api/handler";
import { pageFrom, pageResponse } from "@/lib/server/api/paging";
import { receiveSignals } from "@/lib/server/signals/intake";
import { listSignals, signalOfPost } from "@/lib/server/signals/signals";
import { genericSignalSchema, signalsQuerySchema } from "@/lib/validation/signals";

/**
 * POST /api/signals — a monitoring tool's signal: `{"product", "environment", "severity",
 * "summary", "startsAt", "endsAt"?, "url"?, "fingerprint"?}` → 201 `{received, matched}`.
 */
export const POST = apiRoute(async (request) => {
  await authenticate(request, "signals.report");
  const input = await parseJsonBody(request, genericSignalSchema);
  return Response.json(await receiveSignals([signalOfPost(input)]), { status: 201 });
});

/** GET /api/signals?matched=false — administrators: signals, newest first (paged). */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "signals.review");
  const { matched, ...page } = parseSearchParams(request, signalsQuerySchema);
  return pageResponse(
    request,
    await pageFrom(page, (slice) =>
      listSignals(user, {
        ...slice,
        matched: matched === undefined ? undefined : matched === "true",
      }),
    ),
  );
});

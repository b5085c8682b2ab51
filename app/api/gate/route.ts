import { apiRoute, authenticate, parseSearchParams } from "@/lib/server/api/handler";
import { askGate } from "@/lib/server/windows/gate";
import { gateQuerySchema } from "@/lib/validation/windows";

/**
 * GET /api/gate?environment=PROD&version=…|releaseId=…[&digest=…][&enforce=true] — any token scope
 * or session: may this version go there now? With enforce=true a closed gate is 423 GATE_CLOSED.
 */
export const GET = apiRoute(async (request) => {
  const caller = await authenticate(request, "gate.ask");
  const query = parseSearchParams(request, gateQuerySchema);
  return Response.json(await askGate(caller, query), { headers: { "cache-control": "no-store" } });
});

import { apiRoute, authenticate, parseOptionalJsonBody } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { decideException } from "@/lib/server/windows/exceptions";
import { exceptionDecisionSchema } from "@/lib/validation/windows";

/**
 * POST /api/exceptions/{id}/approve — an administrator or another release manager (403 FOUR_EYES
 * for the one who asked): `{"comment"?}`; 409 ALREADY_DECIDED once decided.
 */
export const POST = apiRoute<IdParams>(async (request, context) => {
  const user = await authenticate(request, "exceptions.decide");
  const id = await idOf(context, "exception");
  const { comment } = await parseOptionalJsonBody(request, exceptionDecisionSchema);
  return Response.json(await decideException(user, id, "APPROVED", comment));
});

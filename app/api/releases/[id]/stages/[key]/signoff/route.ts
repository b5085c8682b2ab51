import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { releaseIdOf, type StageParams, stageKeyOf } from "@/lib/server/api/params";
import { signOffStage } from "@/lib/server/releases/stage-actions";
import { signOffSchema } from "@/lib/validation/releases";

/** POST .../stages/{KEY}/signoff — approve or reject the current stage (who may: see the stage rules). */
export const POST = apiRoute<StageParams>(async (request, context) => {
  const user = await authenticate(request, "stages.decide");
  const [id, key] = [await releaseIdOf(context), await stageKeyOf(context)];
  const { decision, comment, onBehalfOf } = await parseJsonBody(request, signOffSchema);
  return Response.json(await signOffStage({ id, key, actor: user, decision, comment, onBehalfOf }));
});

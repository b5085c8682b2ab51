import { apiRoute, authenticate, parseOptionalJsonBody } from "@/lib/server/api/handler";
import { releaseIdOf, type StageParams, stageKeyOf } from "@/lib/server/api/params";
import { reopenStage } from "@/lib/server/releases/stage-actions";
import { commentSchema } from "@/lib/validation/releases";

/** POST .../stages/{KEY}/reopen — release managers, after a rejection: approvals start again. */
export const POST = apiRoute<StageParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const [id, key] = [await releaseIdOf(context), await stageKeyOf(context)];
  const { comment } = await parseOptionalJsonBody(request, commentSchema);
  return Response.json(await reopenStage({ id, key, actor: user, comment }));
});

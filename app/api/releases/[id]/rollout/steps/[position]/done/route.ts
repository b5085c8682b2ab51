import { AppError } from "@/lib/errors";
import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { releaseIdOf } from "@/lib/server/api/params";
import { markStepDone } from "@/lib/server/releases/rollout";

type StepParams = { params: Promise<{ id: string; position: string }> };

/** POST /api/releases/{id}/rollout/steps/{n}/done — release manager, after the go-live, in order. */
export const POST = apiRoute<StepParams>(async (request, context) => {
  const user = await authenticate(request, "releases.plan");
  const id = await releaseIdOf(context);
  const { position } = await context.params;
  if (!/^[1-9]\d{0,2}$/.test(position)) {
    throw new AppError("NOT_FOUND", "NOT_FOUND", `There is no step ${position}.`);
  }
  return Response.json(await markStepDone(user, { releaseId: id, position: Number(position) }));
});

import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/api/errors";
import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { recordDeployment } from "@/lib/server/deployments/record-deployment";
import { deploymentReportSchema } from "@/lib/validation/deployments";

/**
 * POST /api/deployments — a pipeline or GitOps controller (token scope `deploy` or `write`) reports
 * a deployment → 201 with the record; the same `deliveryId` again → 200 with the first record. A
 * deployment of another artifact is recorded and answered 409 `ARTIFACT_MISMATCH`, the record in
 * `details.deployment`, so that the pipeline can fail loudly.
 */
export const POST = apiRoute(async (request) => {
  const user = await authenticate(request, "deployments.report");
  const input = await parseJsonBody(request, deploymentReportSchema);
  const { deployment, created, warnings } = await recordDeployment(user, input);
  if (created && deployment.flags.includes("ARTIFACT_MISMATCH")) {
    return errorResponse(
      new AppError(
        "CONFLICT",
        "ARTIFACT_MISMATCH",
        `Recorded, but this is not the release's artifact. ${warnings.join(" ")}`,
        { deployment },
      ),
      request,
    );
  }
  return Response.json(deployment, { status: created ? 201 : 200 });
});

// A reported deployment, as the API answers it and the release page draws it.
import type { DeploymentFlag, DeploymentStatus } from "@/lib/domain/deployments";
import type { StageKey } from "@/lib/domain/stages";

import type { PersonDto } from "./release";

/** What a stage shows of the latest deployment to its environment. */
export type DeploymentSummary = {
  id: string;
  status: DeploymentStatus;
  version: string;
  digest: string | null;
  at: string;
  source: string | null;
  url: string | null;
  flags: DeploymentFlag[];
};

export type DeploymentDto = DeploymentSummary & {
  releaseId: string;
  environment: StageKey;
  deliveryId: string | null;
  reportedBy: PersonDto;
  createdAt: string;
};

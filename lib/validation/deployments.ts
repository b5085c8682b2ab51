import { z } from "zod";

import { DEPLOYMENT_STATUSES } from "@/lib/domain/deployments";
import { STAGE_KEYS } from "@/lib/domain/stages";

import { digestSchema, versionSchema } from "./releases";

/** How far ahead of the server's clock a reporter's `at` may be (clock skew, not the future). */
export const MAX_CLOCK_SKEW_MS = 60 * 60 * 1000;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** POST /api/deployments: a pipeline or GitOps controller reports a deployment. */
export const deploymentReportSchema = z.strictObject({
  environment: z.enum(STAGE_KEYS, {
    message: "environment must be DEV, TEST, LAST, INT, PREPROD or PROD.",
  }),
  version: versionSchema,
  digest: z.preprocess(blankToUndefined, digestSchema.unwrap().optional()),
  releaseId: z.preprocess(blankToUndefined, z.uuid("releaseId is a release's id.").optional()),
  status: z.enum(DEPLOYMENT_STATUSES, {
    message: "status must be STARTED, SUCCEEDED or FAILED.",
  }),
  at: z.preprocess(
    blankToUndefined,
    z.iso
      .datetime({ offset: true, message: "at is an ISO instant, e.g. 2027-03-02T09:30:00Z." })
      .refine((value) => Date.parse(value) <= Date.now() + MAX_CLOCK_SKEW_MS, {
        message: "at lies in the future: report a deployment when it happens.",
      })
      .refine((value) => Date.parse(value) >= Date.UTC(2000, 0, 1), {
        message: "at is before the year 2000.",
      })
      .optional(),
  ),
  source: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(64, "Keep source under 64 characters, e.g. argocd.")
      .regex(/^[\w .:/@+-]+$/, "Name the source in plain letters, e.g. argocd or github-actions.")
      .optional(),
  ),
  url: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, message: "url is an http(s) link to the run." })
      .max(2000, "Keep url under 2000 characters.")
      .optional(),
  ),
  deliveryId: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .min(1)
      .max(200, "Keep deliveryId under 200 characters.")
      .regex(/^[\x21-\x7e]+$/, "deliveryId is printable ASCII without spaces.")
      .optional(),
  ),
});

export type DeploymentReportInput = z.infer<typeof deploymentReportSchema>;

import { z } from "zod";

import { RELEASE_OUTCOMES } from "@/lib/domain/after-go-live";
import { MAX_ROLLOUT_STEPS, ROLLOUT_STRATEGIES } from "@/lib/domain/rollout";
import { RELEASE_STATUSES, RELEASE_TYPES, STAGE_KEYS } from "@/lib/domain/stages";

import { enumListParam, isoDateSchema, pageQuery } from "./common";
import { regionSchema } from "./plan";
import { productKeySchema, productListParam } from "./products";

const releaseListFields = {
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  type: z.enum(RELEASE_TYPES).optional(),
  status: enumListParam(RELEASE_STATUSES).optional(),
  region: z.string().trim().toUpperCase().max(16).optional(),
  q: z.string().trim().max(120).optional(),
  product: productListParam.optional(),
};

function fromNotAfterTo(query: { from?: string; to?: string }): boolean {
  return !query.from || !query.to || query.from <= query.to;
}
const FROM_AFTER_TO = { message: "'from' must not be after 'to'.", path: ["to"] };

/** The filters of the releases list, the timeline and the calendar. */
export const releaseListQuerySchema = z
  .object(releaseListFields)
  .refine(fromNotAfterTo, FROM_AFTER_TO);

/** GET /api/releases: the same filters, paged. */
export const releaseApiQuerySchema = z
  .object({ ...releaseListFields, ...pageQuery })
  .refine(fromNotAfterTo, FROM_AFTER_TO);

export type ReleaseListQuery = z.infer<typeof releaseListQuerySchema>;

const nameSchema = z
  .string()
  .trim()
  .min(1, "Give the release a name.")
  .max(120, "Keep the name under 120 characters.");
/** An artifact tag: a version or an image reference, e.g. `2027.03.1` or `registry/app:2027.03.1`. */
export const versionSchema = z
  .string()
  .trim()
  .min(1, "Give the version or image tag that is deployed.")
  .max(128, "Keep the version under 128 characters.")
  .regex(
    /^[A-Za-z0-9][\w.:/@+-]*$/,
    "Use letters, digits and . _ - + : / @ only, as in a version or image tag.",
  );
export const digestSchema = z
  .string()
  .trim()
  .max(160)
  .regex(
    /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,128}$/,
    "Write the digest as algorithm:hex, e.g. sha256:4f9a…",
  )
  .nullable();
const descriptionSchema = z
  .string()
  .trim()
  .max(4000, "Keep the description under 4000 characters.")
  .nullable();

/**
 * `true`: the plan must fit in the environments when it is written (a slot taken from the plan
 * search); capacity is checked again in the write, and a slot taken meanwhile is 409 SLOT_TAKEN.
 */
const reserveSchema = z.boolean({ message: "reserve is true or false." }).optional();

export const releaseCreateSchema = z
  .strictObject({
    name: nameSchema,
    version: versionSchema,
    digest: z.preprocess((value) => (value === "" ? null : value), digestSchema.optional()),
    type: z.enum(RELEASE_TYPES),
    goLive: isoDateSchema.optional(),
    start: isoDateSchema.optional(),
    region: regionSchema.optional(),
    product: z.preprocess(
      (value) => (value === "" ? undefined : value),
      productKeySchema.optional(),
    ),
    parentId: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.uuid("Unknown parent release.").optional(),
    ),
    description: z.preprocess(
      (value) => (value === "" ? null : value),
      descriptionSchema.optional(),
    ),
    reserve: reserveSchema,
  })
  .refine((body) => (body.goLive === undefined) !== (body.start === undefined), {
    message: "Give either a go-live (to plan backward) or a DEV start (to plan forward).",
    path: ["goLive"],
  })
  .refine((body) => body.type === "RELEASE" || body.parentId !== undefined, {
    message: "A patch belongs to a release: choose its parent release.",
    path: ["parentId"],
  })
  .refine((body) => body.type === "PATCH" || body.parentId === undefined, {
    message: "Only a patch has a parent release.",
    path: ["parentId"],
  });

export type ReleaseCreateInput = z.infer<typeof releaseCreateSchema>;

/** A new last day for one stage (a what-if or a re-plan). */
const stageEndSchema = z.strictObject({
  key: z.enum(STAGE_KEYS, { message: "key must be one of DEV, TEST, LAST, INT, PREPROD, PROD." }),
  end: isoDateSchema,
});

function hasOneReplanTarget(body: { goLive?: unknown; start?: unknown; stageEnd?: unknown }) {
  return (
    [body.goLive, body.start, body.stageEnd].filter((value) => value !== undefined).length <= 1
  );
}

/** POST /api/releases/{id}/what-if: exactly one change to try, nothing written. */
export const whatIfSchema = z
  .strictObject({
    goLive: isoDateSchema.optional(),
    start: isoDateSchema.optional(),
    stageEnd: stageEndSchema.optional(),
  })
  .refine(hasOneReplanTarget, {
    message: "Try one change at a time: a new go-live, a new start or a new stage end.",
    path: ["goLive"],
  })
  .refine((body) => body.goLive ?? body.start ?? body.stageEnd, {
    message: "Give a new go-live, a new start or a new stage end to try.",
    path: ["goLive"],
  });

export type WhatIfInput = z.infer<typeof whatIfSchema>;

export const releaseUpdateSchema = z
  .strictObject({
    revision: z.number({ message: "Send the revision you saw." }).int().min(1),
    name: nameSchema.optional(),
    version: versionSchema.optional(),
    digest: z.preprocess((value) => (value === "" ? null : value), digestSchema.optional()),
    description: z.preprocess(
      (value) => (value === "" ? null : value),
      descriptionSchema.optional(),
    ),
    region: regionSchema.optional(),
    product: productKeySchema.optional(),
    goLive: isoDateSchema.optional(),
    start: isoDateSchema.optional(),
    stageEnd: stageEndSchema.optional(),
    reserve: reserveSchema,
  })
  .refine(hasOneReplanTarget, {
    message: "Give one of a new go-live, a new start or a new stage end, not several.",
    path: ["goLive"],
  });

export type ReleaseUpdateInput = z.infer<typeof releaseUpdateSchema>;

/** An optional comment: blank counts as none. */
const optionalCommentSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().max(2000, "Keep the comment under 2000 characters.").optional(),
);

export const signOffSchema = z.strictObject({
  decision: z.enum(["APPROVE", "REJECT"], { message: "decision must be APPROVE or REJECT." }),
  comment: optionalCommentSchema,
  /** Decide as deputy for this absent person (their delegation must be running today). */
  onBehalfOf: z.uuid("onBehalfOf must be a user id.").optional(),
});

export const commentSchema = z.strictObject({ comment: optionalCommentSchema });

export const reasonSchema = z.strictObject({
  reason: z
    .string({ message: "Give a reason." })
    .trim()
    .min(1, "Give a reason.")
    .max(1000, "Keep the reason under 1000 characters."),
  revision: z.number().int().min(1).optional(),
});

export const releaseIdSchema = z.uuid();

/** A decision on a stage from the UI (a server action): the release, the stage, the decision. */
export const stageDecisionCommandSchema = z.object({
  releaseId: releaseIdSchema,
  key: z.enum(STAGE_KEYS),
  decision: z.enum(["APPROVE", "REJECT"]),
  comment: z.string().trim().max(2000, "Keep the comment under 2000 characters.").optional(),
  onBehalfOf: z.uuid().optional(),
});
export type StageDecisionCommand = z.input<typeof stageDecisionCommandSchema>;

/** Reopening a rejected stage from the UI. */
export const stageReopenCommandSchema = stageDecisionCommandSchema.omit({ decision: true });
export type StageReopenCommand = z.input<typeof stageReopenCommandSchema>;

/** Hold, resume or cancel from the UI, on the revision the person saw; hold and cancel need a reason. */
export const statusCommandSchema = z
  .object({
    releaseId: releaseIdSchema,
    revision: z.number().int().min(1),
    command: z.enum(["HOLD", "RESUME", "CANCEL"]),
    reason: z.string().trim().max(1000, "Keep the reason under 1000 characters.").optional(),
  })
  .refine((input) => input.command === "RESUME" || Boolean(input.reason), {
    message: "Give a reason: it is shown on the release and kept in the audit trail.",
    path: ["reason"],
  });
export type StatusCommand = z.input<typeof statusCommandSchema>;

/** Saving a previewed re-plan (what-if) on the revision the preview saw. */
export const replanCommandSchema = z.object({
  releaseId: releaseIdSchema,
  revision: z.number().int().min(1),
  change: whatIfSchema,
  /** The go-live was taken from the earliest-free-date search: reserve it. */
  reserve: reserveSchema,
});
export type ReplanCommand = z.input<typeof replanCommandSchema>;

/** POST /api/releases/{id}/outcome: what became of a live release. */
export const outcomeSchema = z
  .strictObject({
    outcome: z.enum(RELEASE_OUTCOMES, {
      message: "outcome must be KEPT, ROLLED_BACK or ROLLED_FORWARD.",
    }),
    comment: z
      .string({ message: "Say what production showed: a comment is required." })
      .trim()
      .min(1, "Say what production showed: a comment is required.")
      .max(2000, "Keep the comment under 2000 characters."),
    rolledBackTo: z.preprocess(
      (value) => (value === "" ? undefined : value),
      versionSchema.optional(),
    ),
    restoredOn: z.preprocess(
      (value) => (value === "" ? undefined : value),
      isoDateSchema.optional(),
    ),
    patchId: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.uuid("Choose the patch that rolled it forward.").optional(),
    ),
  })
  .refine((body) => body.outcome !== "ROLLED_BACK" || body.rolledBackTo !== undefined, {
    message: "Say which version production went back to.",
    path: ["rolledBackTo"],
  })
  .refine((body) => body.outcome !== "ROLLED_FORWARD" || body.patchId !== undefined, {
    message: "Choose the patch that rolled it forward.",
    path: ["patchId"],
  })
  .refine((body) => body.outcome === "ROLLED_BACK" || body.rolledBackTo === undefined, {
    message: "Only a roll-back names the version it went back to.",
    path: ["rolledBackTo"],
  })
  .refine((body) => body.outcome === "ROLLED_FORWARD" || body.patchId === undefined, {
    message: "Only a roll-forward names a patch.",
    path: ["patchId"],
  });

export type OutcomeInput = z.infer<typeof outcomeSchema>;

/** PUT /api/releases/{id}/rollout: the strategy and its steps after the go-live. */
export const rolloutSchema = z.strictObject({
  strategy: z.enum(ROLLOUT_STRATEGIES, {
    message: "strategy must be BIG_BANG, STAGGERED, CANARY or DARK_LAUNCH.",
  }),
  steps: z
    .array(
      z.strictObject({
        date: isoDateSchema,
        percent: z
          .number({ message: "percent is a number from 1 to 100." })
          .int("percent is a whole number.")
          .min(1, "percent is at least 1.")
          .max(100, "percent is at most 100.")
          .nullable()
          .optional(),
        label: z
          .string()
          .trim()
          .max(120, "Keep a step's label under 120 characters.")
          .nullable()
          .optional(),
      }),
      { message: "steps is a list." },
    )
    .max(MAX_ROLLOUT_STEPS, `At most ${MAX_ROLLOUT_STEPS} steps.`)
    .default([]),
  flags: z
    .array(
      z
        .string()
        .trim()
        .min(1, "A flag needs a name.")
        .max(120, "Keep a flag's name under 120 characters."),
    )
    .max(MAX_ROLLOUT_STEPS, `At most ${MAX_ROLLOUT_STEPS} flags.`)
    .default([]),
});

export type RolloutInput = z.infer<typeof rolloutSchema>;

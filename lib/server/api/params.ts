import "server-only";

import { z } from "zod";

import { isStageKey, type StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { productKeySchema } from "@/lib/validation/products";
import { releaseIdSchema } from "@/lib/validation/releases";

export type ReleaseParams = { params: Promise<{ id: string }> };
/** A route under /api/users/{id}, /api/tokens/{id}, /api/me/tokens/{id} … */
export type IdParams = { params: Promise<{ id: string }> };
export type StageParams = { params: Promise<{ id: string; key: string }> };
export type ProductParams = { params: Promise<{ key: string }> };
export type ProductStageParams = { params: Promise<{ key: string; stage: string }> };

/** A release id from the path; anything that is not a release id is simply not found. */
export async function releaseIdOf(context: ReleaseParams | StageParams): Promise<string> {
  const { id } = await context.params;
  if (!releaseIdSchema.safeParse(id).success) {
    throw new AppError("NOT_FOUND", "NOT_FOUND", "There is no release with this id.");
  }
  return id;
}

export async function stageKeyOf(context: StageParams | ProductStageParams): Promise<StageKey> {
  const params = await context.params;
  const key = "stage" in params ? params.stage : params.key;
  const upper = key.toUpperCase();
  if (!isStageKey(upper)) {
    throw new AppError(
      "NOT_FOUND",
      "NOT_FOUND",
      `There is no stage '${key}'. Stages: DEV, TEST, LAST, INT, PREPROD, PROD.`,
    );
  }
  return upper;
}

/** A uuid from the path; anything else is simply not found (with what was looked for). */
export async function idOf(context: IdParams, what: string): Promise<string> {
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) {
    throw new AppError("NOT_FOUND", "NOT_FOUND", `There is no ${what} with this id.`);
  }
  return id;
}

/** A product key from the path; anything that is not one is simply not found. */
export async function productKeyOf(context: ProductParams | ProductStageParams): Promise<string> {
  const { key } = await context.params;
  if (!productKeySchema.safeParse(key).success) {
    throw new AppError("NOT_FOUND", "NOT_FOUND", `There is no product '${key}'.`);
  }
  return key;
}

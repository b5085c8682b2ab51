"use server";
// Promotion through Git in the product: owners keep a product's GitOps target (and test it),
// release managers promote a release by hand or retry a failed promotion. Each is the guard
// (session, permission, zod) around the use case the API uses.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { requestPromotion, retryPromotion } from "@/lib/server/gitops/promotions";
import { deleteGitopsTarget, setGitopsTarget, testGitopsTarget } from "@/lib/server/gitops/targets";
import { gitopsTargetSchema } from "@/lib/validation/gitops";
import { productKeySchema } from "@/lib/validation/products";
import { environmentSchema } from "@/lib/validation/windows";

import { success } from "./answers";
import { formText as text } from "./form-fields";
import { commandAction, formAction } from "./guard";

/** The dialog's rows: per environment ticked, its file and the keys for the tag and the digest. */
function environmentsOf(form: FormData) {
  const environments: Record<string, { file: string; set: { key: string; value: string }[] }> = {};
  for (const key of STAGE_KEYS) {
    if (form.get(`${key}.enabled`) !== "on") continue;
    const set = [
      { key: text(form, `${key}.tagKey`), value: "TAG" },
      { key: text(form, `${key}.digestKey`), value: "DIGEST" },
    ].filter((entry) => entry.key !== "");
    environments[key] = { file: text(form, `${key}.file`), set };
  }
  return environments;
}

export const saveGitopsAction = formAction({
  permission: "products.manage",
  parse: (form) => {
    const token = form.get("token");
    return {
      key: productKeySchema.parse(text(form, "key")),
      target: gitopsTargetSchema.parse({
        repository: text(form, "repository"),
        branch: text(form, "branch"),
        username: text(form, "username"),
        // Left empty: the stored token stays; "remove" clears it.
        token:
          form.get("removeToken") === "on"
            ? ""
            : typeof token === "string" && token !== ""
              ? token
              : undefined,
        author: { name: text(form, "authorName"), email: text(form, "authorEmail") },
        environments: environmentsOf(form),
      }),
    };
  },
  run: async (user, { key, target }) => {
    await setGitopsTarget(user, key, target);
    revalidatePath(`/products/${key}`);
    return success("GitOps target saved.");
  },
});

export const removeGitopsAction = commandAction({
  permission: "products.manage",
  parse: (raw: { key: string }) => productKeySchema.parse(raw.key),
  run: async (user, key) => {
    await deleteGitopsTarget(user, key);
    revalidatePath(`/products/${key}`);
    return success("GitOps target removed: promotions stop.");
  },
});

export const testGitopsAction = commandAction({
  permission: "products.manage",
  parse: (raw: { key: string }) => productKeySchema.parse(raw.key),
  run: async (user, key): Promise<ActionState> => {
    const result = await testGitopsTarget(user, key);
    return result.ok
      ? success(result.message)
      : { status: "error", message: result.message, at: Date.now() };
  },
});

export const promoteAction = commandAction({
  permission: "releases.plan",
  parse: (raw: unknown) =>
    z.object({ releaseId: z.uuid(), environment: environmentSchema }).parse(raw),
  run: async (user, { releaseId, environment }) => {
    await requestPromotion(user, releaseId, environment);
    revalidatePath(`/releases/${releaseId}`);
    return success(`Promotion to ${environment} queued: the commit follows in a moment.`);
  },
});

export const retryPromotionAction = commandAction({
  permission: "releases.plan",
  parse: (raw: unknown) => z.object({ promotionId: z.uuid(), releaseId: z.uuid() }).parse(raw),
  run: async (user, { promotionId, releaseId }) => {
    await retryPromotion(user, promotionId);
    revalidatePath(`/releases/${releaseId}`);
    return success("Promotion queued again.");
  },
});

"use server";
// Products from the product pages: the same use cases as /api/products.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ProductState } from "@/lib/action-state";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { createProduct, setApprovers, updateProduct } from "@/lib/server/products/products";
import { deleteTrain, planTrainReleases, setTrain } from "@/lib/server/products/trains";
import {
  approversSchema,
  productCreateSchema,
  productKeySchema,
  productUpdateSchema,
  trainBatchSchema,
  trainSchema,
} from "@/lib/validation/products";

import { success } from "./answers";
import { commandAction, formAction } from "./guard";

function fieldsOf(form: FormData) {
  return {
    name: form.get("name"),
    description: form.get("description") ?? undefined,
    ownerIds: form.getAll("ownerIds").map(String),
  };
}

export const createProductAction = formAction({
  permission: "products.manage",
  parse: (form) => productCreateSchema.parse({ key: form.get("key"), ...fieldsOf(form) }),
  run: async (user, input): Promise<ProductState> => {
    const product = await createProduct(user, input);
    revalidatePath("/products");
    return { ...success(`${product.name} created.`), productKey: product.key };
  },
});

export const updateProductAction = formAction({
  permission: "products.manage",
  parse: (form) => ({
    key: productKeySchema.parse(form.get("key")),
    change: productUpdateSchema.parse(fieldsOf(form)),
  }),
  run: async (user, { key, change }): Promise<ProductState> => {
    const product = await updateProduct(user, key, change);
    revalidatePath("/products");
    revalidatePath(`/products/${key}`);
    return { ...success(`${product.name} saved.`), productKey: product.key };
  },
});

export const setApproversAction = commandAction({
  permission: "products.manage",
  parse: (raw: { key: string; stage: string; userIds: string[] }) => ({
    key: productKeySchema.parse(raw.key),
    stage: z.enum(STAGE_KEYS).parse(raw.stage),
    ...approversSchema.parse({ userIds: raw.userIds }),
  }),
  run: async (user, { key, stage, userIds }) => {
    await setApprovers(user, key, stage, userIds);
    revalidatePath(`/products/${key}`);
    return success(
      userIds.length
        ? `${stage} is now signed off by its named approvers only.`
        : `${stage} is signed off by role again.`,
    );
  },
});

export const saveTrainAction = formAction({
  permission: "products.manage",
  parse: (form) => ({
    key: productKeySchema.parse(form.get("key")),
    train: trainSchema.parse({
      rule: form.get("rule"),
      firstGoLive: form.get("firstGoLive"),
      namePattern: form.get("namePattern"),
      versionPattern: (form.get("versionPattern") as string | null) || undefined,
      region: (form.get("region") as string | null) || undefined,
    }),
  }),
  run: async (user, { key, train }): Promise<ProductState> => {
    const saved = await setTrain(user, key, train);
    revalidatePath(`/products/${key}`);
    return { ...success(`Release train saved: ${saved.description}.`), productKey: key };
  },
});

export const removeTrainAction = commandAction({
  permission: "products.manage",
  parse: (raw: { key: string }) => productKeySchema.parse(raw.key),
  run: async (user, key) => {
    await deleteTrain(user, key);
    revalidatePath(`/products/${key}`);
    return success("Release train removed; its releases stay.");
  },
});

export const planTrainAction = commandAction({
  permission: "releases.plan",
  parse: (raw: { key: string; count: number }) => ({
    key: productKeySchema.parse(raw.key),
    ...trainBatchSchema.parse({ count: raw.count }),
  }),
  run: async (user, { key, count }) => {
    const created = await planTrainReleases(user, key, count);
    revalidatePath(`/products/${key}`);
    revalidatePath("/releases");
    revalidatePath("/timeline");
    return success(
      `${created.length} ${created.length === 1 ? "release" : "releases"} planned: ${created
        .map((release) => release.name)
        .join(", ")}.`,
    );
  },
});

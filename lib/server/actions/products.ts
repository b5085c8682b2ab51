"use server";
// Products from the product pages: the same use cases as /api/products.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ProductState } from "@/lib/action-state";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { createProduct, setApprovers, updateProduct } from "@/lib/server/products/products";
import {
  approversSchema,
  productCreateSchema,
  productKeySchema,
  productUpdateSchema,
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

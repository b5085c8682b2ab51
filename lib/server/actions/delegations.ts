"use server";
// Delegations from the profile page: the same use cases as /api/me/delegations.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { createDelegation, endDelegation } from "@/lib/server/delegations/delegations";
import { delegationCreateSchema } from "@/lib/validation/delegations";

import { success } from "./answers";
import { commandAction, formAction } from "./guard";

export const createDelegationAction = formAction({
  permission: "account.delegate",
  parse: (form) =>
    delegationCreateSchema.parse({
      deputyId: form.get("deputyId"),
      from: form.get("from"),
      to: form.get("to"),
    }),
  run: async (user, input) => {
    const delegation = await createDelegation(user, input);
    revalidatePath("/profile");
    return success(
      `${delegation.deputy.name} stands in for you from ${delegation.from} to ${delegation.to}.`,
    );
  },
});

export const endDelegationAction = commandAction({
  permission: "account.delegate",
  parse: (raw: { id: string }) => z.object({ id: z.uuid() }).parse(raw),
  run: async (user, { id }) => {
    await endDelegation(user, id);
    revalidatePath("/profile");
    return success("Delegation ended: your deputy no longer decides for you.");
  },
});

"use server";
// The signed-in person's own account: password, API tokens, sessions; and setting a password from
// a one-time link (no session: the link is the credential).
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { PasswordLinkState, TokenState } from "@/lib/action-state";
import { currentSessionId } from "@/lib/server/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/server/users/api-tokens";
import { changeOwnPassword } from "@/lib/server/users/own-account";
import { setPasswordWithLink } from "@/lib/server/users/password-links";
import { endSession } from "@/lib/server/users/sessions";
import {
  passwordChangeSchema,
  passwordLinkSchema,
  tokenCreateSchema,
} from "@/lib/validation/users";

import { success } from "./answers";
import { commandAction, formAction, publicFormAction } from "./guard";

/** A new password twice, the same both times. */
function newPasswordFrom(form: FormData): string {
  const password = String(form.get("newPassword") ?? "");
  if (password !== String(form.get("confirmPassword") ?? "")) {
    throw new z.ZodError([
      {
        code: "custom",
        path: ["confirmPassword"],
        message: "The two passwords differ.",
        input: "",
      },
    ]);
  }
  return password;
}

export const changePasswordAction = formAction({
  permission: "account.manage",
  parse: (form) =>
    passwordChangeSchema.parse({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: newPasswordFrom(form),
    }),
  run: async (user, input) => {
    await changeOwnPassword(user, { ...input, keepSessionId: await currentSessionId() });
    revalidatePath("/profile");
    return success("Password changed. Your other sessions are signed out.");
  },
});

export const createTokenAction = formAction({
  permission: "account.manage",
  parse: (form) =>
    tokenCreateSchema.parse({
      name: form.get("name"),
      scope: form.get("scope"),
      expiresAt: (form.get("expiresAt") as string | null) || null,
    }),
  run: async (user, input): Promise<TokenState> => {
    const created = await createApiToken(user, input);
    revalidatePath("/profile");
    return {
      ...success(`Token “${created.name}” created. Copy it now: it is not shown again.`),
      token: created.token,
    };
  },
});

const idSchema = z.object({ id: z.uuid() });

export const revokeOwnTokenAction = commandAction({
  permission: "account.manage",
  parse: (raw: { id: string }) => idSchema.parse(raw),
  run: async (user, { id }) => {
    await revokeApiToken(user, id, { ownerId: user.id });
    revalidatePath("/profile");
    return success("Token revoked: it no longer works.");
  },
});

export const endSessionAction = commandAction({
  permission: "account.manage",
  parse: (raw: { id: string }) => idSchema.parse(raw),
  run: async (user, { id }) => {
    await endSession(user.id, id);
    revalidatePath("/profile");
    return success("Session signed out.");
  },
});

export const setPasswordWithLinkAction = publicFormAction({
  parse: (form) =>
    passwordLinkSchema.parse({ token: form.get("token"), newPassword: newPasswordFrom(form) }),
  run: async ({ token, newPassword }): Promise<PasswordLinkState> => {
    const email = await setPasswordWithLink(token, newPassword);
    return { ...success("Your password is set. Sign in with it now."), email };
  },
});

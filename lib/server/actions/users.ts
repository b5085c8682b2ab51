"use server";
// User administration from the admin pages: the same use cases as /api/users.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { LinkState } from "@/lib/action-state";
import { ROLES } from "@/lib/domain/stages";
import { pageOrigin } from "@/lib/server/api/origin";
import { revokeApiToken, setTokenMaxLifetimeDays } from "@/lib/server/users/api-tokens";
import { createUser, forcePasswordReset, updateUser } from "@/lib/server/users/manage-users";
import {
  passwordResetSchema,
  tokenLifetimeSchema,
  userCreateSchema,
  userUpdateSchema,
} from "@/lib/validation/users";

import { success } from "./answers";
import { commandAction, formAction } from "./guard";

export const createUserAction = formAction({
  permission: "users.manage",
  parse: (form) =>
    userCreateSchema.parse({
      email: form.get("email"),
      name: form.get("name"),
      role: form.get("role"),
      password: form.get("mode") === "password" ? String(form.get("password") ?? "") : undefined,
    }),
  run: async (admin, input): Promise<LinkState> => {
    const { user, setPasswordUrl } = await createUser(admin, input, await pageOrigin());
    revalidatePath("/admin/users");
    return {
      ...success(
        setPasswordUrl
          ? `${user.name} added. Hand over the link below: it sets their password and works once within 7 days.`
          : `${user.name} added; they sign in with the password you set.`,
      ),
      setPasswordUrl,
    };
  },
});

const userCommandSchema = z.object({ id: z.uuid() });

export const updateUserAction = commandAction({
  permission: "users.manage",
  parse: (raw: { id: string; name?: string; role?: string; isActive?: boolean }) => ({
    ...userCommandSchema.parse(raw),
    change: userUpdateSchema.parse({
      name: raw.name,
      role: raw.role as (typeof ROLES)[number] | undefined,
      isActive: raw.isActive,
    }),
  }),
  run: async (admin, { id, change }) => {
    const user = await updateUser(admin, id, change);
    revalidatePath("/admin/users");
    if (change.isActive === false) return success(`${user.name} is deactivated and signed out.`);
    if (change.isActive === true) return success(`${user.name} is active again.`);
    return success(`${user.name} saved.`);
  },
});

export const resetPasswordAction = commandAction({
  permission: "users.manage",
  parse: (raw: { id: string; revokeAccess?: boolean }) => ({
    ...userCommandSchema.parse(raw),
    ...passwordResetSchema.parse({ revokeAccess: raw.revokeAccess }),
  }),
  run: async (admin, { id, revokeAccess }): Promise<LinkState> => {
    const { setPasswordUrl } = await forcePasswordReset(admin, id, await pageOrigin(), {
      revokeAccess,
    });
    revalidatePath("/admin/users");
    return {
      ...success(
        revokeAccess
          ? "The password, the sessions, the API tokens and the calendar feed no longer work. Hand over the new link."
          : "The password no longer works and the sessions are signed out. Hand over the new link.",
      ),
      setPasswordUrl,
    };
  },
});

export const revokeAnyTokenAction = commandAction({
  permission: "users.manage",
  parse: (raw: { id: string }) => userCommandSchema.parse(raw),
  run: async (admin, { id }) => {
    await revokeApiToken(admin, id);
    revalidatePath("/admin/tokens");
    return success("Token revoked: it no longer works.");
  },
});

export const saveTokenLifetimeAction = formAction({
  permission: "users.manage",
  parse: (form) => tokenLifetimeSchema.parse({ maxLifetimeDays: form.get("maxLifetimeDays") }),
  run: async (admin, { maxLifetimeDays }) => {
    await setTokenMaxLifetimeDays(admin, maxLifetimeDays);
    revalidatePath("/admin/tokens");
    revalidatePath("/profile");
    return success(`New API tokens live at most ${maxLifetimeDays} days.`);
  },
});

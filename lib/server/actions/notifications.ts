"use server";
// The signed-in person's email choices; admins' webhooks.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { EMAIL_KINDS } from "@/lib/domain/notifications";
import {
  createWebhook,
  deleteWebhook,
  sendTestEvent,
  updateNotificationPreferences,
} from "@/lib/server/notifications/webhooks";
import { notificationPreferencesSchema, webhookCreateSchema } from "@/lib/validation/notifications";

import { success } from "./answers";
import { commandAction, formAction } from "./guard";

export const saveNotificationsAction = formAction({
  permission: "account.manage",
  parse: (form) =>
    notificationPreferencesSchema.parse({
      email: Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, form.get(kind) === "on"])),
      watch: { slipThresholdWorkingDays: Number(form.get("slipThresholdWorkingDays") ?? NaN) },
    }),
  run: async (user, input) => {
    await updateNotificationPreferences(user, input);
    revalidatePath("/profile");
    return success("Email choices saved.");
  },
});

export const createWebhookAction = formAction({
  permission: "settings.manage",
  parse: (form) =>
    webhookCreateSchema.parse({
      url: String(form.get("url") ?? "").trim(),
      events: form.getAll("events").map(String),
      secret: String(form.get("secret") ?? ""),
      description: String(form.get("description") ?? "").trim() || undefined,
    }),
  run: async (user, input) => {
    await createWebhook(user, input);
    revalidatePath("/admin/notifications");
    return success(`Webhook to ${input.url} added.`);
  },
});

const webhookIdSchema = z.object({ id: z.uuid() });

export const removeWebhookAction = commandAction({
  permission: "settings.manage",
  parse: (raw: { id: string }) => webhookIdSchema.parse(raw),
  run: async (user, { id }) => {
    await deleteWebhook(user, id);
    revalidatePath("/admin/notifications");
    return success("Webhook removed: nothing more is sent to it.");
  },
});

export const testWebhookAction = commandAction({
  permission: "settings.manage",
  parse: (raw: { id: string }) => webhookIdSchema.parse(raw),
  run: async (user, { id }) => {
    await sendTestEvent(user, id);
    revalidatePath("/admin/notifications");
    return success("Test event queued: it appears in the log within seconds.");
  },
});

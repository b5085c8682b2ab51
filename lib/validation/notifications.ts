import { z } from "zod";

import { EMAIL_KINDS, WEBHOOK_EVENTS } from "@/lib/domain/notifications";

import { watchPreferencesSchema } from "./notes";

/**
 * PUT /api/me/notifications: which emails the caller wants, how far a watched go-live may move
 * before they hear of it (any left out keep their value).
 */
export const notificationPreferencesSchema = z.strictObject({
  watch: watchPreferencesSchema.optional(),
  email: z
    .strictObject(
      Object.fromEntries(
        EMAIL_KINDS.map((kind) => [
          kind,
          z.boolean({ message: `${kind} is true or false.` }).optional(),
        ]),
      ) as Record<(typeof EMAIL_KINDS)[number], z.ZodOptional<z.ZodBoolean>>,
    )
    .optional(),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

/** POST /api/webhooks: where to send which events, and the secret that signs them. */
export const webhookCreateSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, message: "url is an http(s) address." })
    .max(2000, "Keep the url under 2000 characters."),
  events: z
    .array(
      z.enum(WEBHOOK_EVENTS, {
        message: `events are among ${WEBHOOK_EVENTS.join(", ")}.`,
      }),
    )
    .min(1, "Choose at least one event.")
    .transform((events) => [...new Set(events)]),
  secret: z
    .string({ message: "Give a secret to sign the deliveries with." })
    .min(16, "Use a secret of at least 16 characters, e.g. the output of  openssl rand -hex 32")
    .max(200, "Keep the secret under 200 characters."),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").optional(),
});
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

import { z } from "zod";

import { MAX_COMMITS } from "@/lib/domain/release-notes";
import { MAX_SLIP_THRESHOLD } from "@/lib/domain/watching";

import { isoDateSchema, pageQuery } from "./common";

const commitSchema = z.strictObject({
  sha: z
    .string({ message: "sha is the commit's hash." })
    .regex(/^[0-9a-f]{4,64}$/i, "sha is the commit's hash in hexadecimal (4 to 64 digits)."),
  message: z
    .string({ message: "message is the commit message." })
    .max(20_000, "Keep a commit message under 20,000 characters."),
  url: z
    .url({ protocol: /^https?$/, message: "url is the commit's http(s) address." })
    .max(2000, "Keep the url under 2000 characters.")
    .optional(),
});

/**
 * PUT /api/releases/{id}/notes: Markdown, or the release's commits to group into notes. The size
 * of the Markdown is checked by the use case (413, not 400).
 */
export const notesInputSchema = z
  .strictObject({
    markdown: z.string({ message: "markdown is the notes as text." }).optional(),
    commits: z
      .array(commitSchema, { message: "commits is a list of {sha, message, url?}." })
      .max(MAX_COMMITS, `Send at most ${MAX_COMMITS} commits.`)
      .optional(),
  })
  .refine((input) => (input.markdown === undefined) !== (input.commits === undefined), {
    message: "Send either markdown or commits.",
    path: ["markdown"],
  });
export type NotesInput = z.infer<typeof notesInputSchema>;

/** GET /api/products/{key}/notes: published notes of a period (by go-live), paged. */
export const productNotesQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), ...pageQuery })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "from is on or before to.",
    path: ["to"],
  });

export const notesFeedQuerySchema = z.object({ token: z.string().max(200).optional() });

/** The watch part of PUT /api/me/notifications. */
export const watchPreferencesSchema = z.strictObject({
  slipThresholdWorkingDays: z
    .number({ message: "slipThresholdWorkingDays is a number of working days." })
    .int("slipThresholdWorkingDays is a whole number.")
    .min(0, "slipThresholdWorkingDays is at least 0.")
    .max(MAX_SLIP_THRESHOLD, `slipThresholdWorkingDays is at most ${MAX_SLIP_THRESHOLD}.`),
});

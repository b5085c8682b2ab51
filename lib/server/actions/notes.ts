"use server";
// Release notes and watching in the product: release managers write, preview and publish a
// release's notes; everyone watches products and releases and chooses how far a watched go-live
// may move before they hear of it. Each is the guard (session, permission, zod) around the use case
// the API uses.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import {
  previewNotes,
  publishReleaseNotes,
  putReleaseNotes,
} from "@/lib/server/notes/release-notes";
import {
  unwatchProduct,
  unwatchRelease,
  watchProduct,
  watchRelease,
} from "@/lib/server/notes/watches";
import { productKeySchema } from "@/lib/validation/products";

import { success } from "./answers";
import { commandAction, formAction } from "./guard";

const releaseOnly = z.object({ releaseId: z.uuid() });

export const saveNotesAction = formAction({
  permission: "releases.notes",
  parse: (form) =>
    z
      .object({ releaseId: z.uuid(), markdown: z.string() })
      .parse({ releaseId: form.get("releaseId"), markdown: form.get("markdown") ?? "" }),
  run: async (user, { releaseId, markdown }) => {
    await putReleaseNotes(user, releaseId, { markdown });
    revalidatePath(`/releases/${releaseId}`);
    return success("Release notes saved.");
  },
});

export const publishNotesAction = commandAction({
  permission: "releases.notes",
  parse: (raw: { releaseId: string }) => releaseOnly.parse(raw),
  run: async (user, { releaseId }) => {
    await publishReleaseNotes(user, releaseId);
    revalidatePath(`/releases/${releaseId}`);
    return success("Release notes published.");
  },
});

/** The live preview of the editor: the Markdown as the page, the email and the feed show it. */
export const previewNotesAction = commandAction({
  permission: "releases.notes",
  parse: (raw: { markdown: string }) => z.object({ markdown: z.string() }).parse(raw),
  run: async (_user, { markdown }): Promise<ActionState & { html?: string }> => ({
    status: "success",
    html: previewNotes(markdown),
  }),
});

const watchTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("product"), key: productKeySchema }),
  z.object({ kind: z.literal("release"), id: z.uuid() }),
]);
type WatchTarget = z.infer<typeof watchTarget>;

export const watchAction = commandAction({
  permission: "watches.manage",
  parse: (raw: WatchTarget & { watch: boolean }) =>
    watchTarget.and(z.object({ watch: z.boolean() })).parse(raw),
  run: async (user, target) => {
    const isProduct = target.kind === "product";
    if (isProduct) await (target.watch ? watchProduct : unwatchProduct)(user, target.key);
    else await (target.watch ? watchRelease : unwatchRelease)(user, target.id);
    revalidatePath(isProduct ? `/products/${target.key}` : `/releases/${target.id}`);
    revalidatePath("/profile");
    const what = isProduct ? "this product" : "this release";
    return success(target.watch ? `You now watch ${what}.` : `You no longer watch ${what}.`);
  },
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { formatDisplayDate } from "@/lib/domain/dates";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { failure, success } from "@/lib/server/actions/action-state";
import { createRelease } from "@/lib/server/releases/create-release";
import {
  cancelRelease,
  holdRelease,
  reopenStage,
  resumeRelease,
  signOffStage,
} from "@/lib/server/releases/stage-actions";
import { updateRelease } from "@/lib/server/releases/update-release";
import type { SessionUser } from "@/lib/server/users/session-user";
import {
  releaseCreateSchema,
  releaseIdSchema,
  releaseUpdateSchema,
  whatIfSchema,
} from "@/lib/validation/releases";

/** Actions read the user from the session, never from their arguments. */
async function currentUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user)
    throw new AppError(
      "UNAUTHENTICATED",
      "UNAUTHENTICATED",
      "Your session has ended. Sign in again.",
    );
  return user;
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function revalidateRelease(id?: string) {
  revalidatePath("/releases");
  revalidatePath("/approvals");
  if (id) revalidatePath(`/releases/${id}`);
}

/** Creating answers with the new release's id so that the form can go to its page. */
export type CreateState = ActionState & { releaseId?: string };

export async function createReleaseAction(
  _previous: CreateState,
  form: FormData,
): Promise<CreateState> {
  try {
    const user = await currentUser();
    const mode = form.get("mode") === "start" ? "start" : "goLive";
    const input = releaseCreateSchema.parse({
      type: form.get("type"),
      name: form.get("name"),
      version: form.get("version"),
      digest: text(form, "digest") ?? null,
      region: text(form, "region"),
      parentId: text(form, "parentId"),
      description: text(form, "description") ?? null,
      [mode]: text(form, "date"),
    });
    const release = await createRelease(user, input);
    revalidateRelease();
    return { ...success(`${release.name} is planned.`), releaseId: release.id };
  } catch (error) {
    return failure(error, form);
  }
}

export async function updateReleaseAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const user = await currentUser();
    const id = releaseIdSchema.parse(form.get("id"));
    const date = text(form, "date");
    const mode = form.get("mode") === "start" ? "start" : "goLive";
    const input = releaseUpdateSchema.parse({
      revision: Number(form.get("revision")),
      name: form.get("name") ?? undefined,
      version: form.get("version") ?? undefined,
      // Fields the form does not send (e.g. a locked artifact) stay as they are.
      digest: form.has("digest") ? (text(form, "digest") ?? null) : undefined,
      description: form.has("description") ? (text(form, "description") ?? null) : undefined,
      region: text(form, "region"),
      ...(date && form.get("replan") === "on" && { [mode]: date }),
    });
    const release = await updateRelease(user, id, input);
    revalidateRelease(id);
    return success(`${release.name} saved.`);
  } catch (error) {
    if (error instanceof AppError && error.code === "NO_CHANGES")
      return success("Nothing changed.");
    return failure(error, form);
  }
}

const stageCommandSchema = z.object({
  releaseId: releaseIdSchema,
  key: z.enum(STAGE_KEYS),
  comment: z.string().trim().max(2000, "Keep the comment under 2000 characters.").optional(),
});

export async function signOffAction(input: {
  releaseId: string;
  key: string;
  decision: "APPROVE" | "REJECT";
  comment?: string;
}): Promise<ActionState> {
  try {
    const user = await currentUser();
    const { releaseId, key, comment } = stageCommandSchema.parse(input);
    const decision = z.enum(["APPROVE", "REJECT"]).parse(input.decision);
    await signOffStage({ id: releaseId, key, decision, comment: comment || null, actor: user });
    revalidateRelease(releaseId);
    return success(decision === "APPROVE" ? `${key} approved.` : `${key} rejected.`);
  } catch (error) {
    return failure(error);
  }
}

export async function reopenAction(input: {
  releaseId: string;
  key: string;
  comment?: string;
}): Promise<ActionState> {
  try {
    const user = await currentUser();
    const { releaseId, key, comment } = stageCommandSchema.parse(input);
    await reopenStage({ id: releaseId, key, comment: comment || null, actor: user });
    revalidateRelease(releaseId);
    return success(`${key} reopened: approvals start again.`);
  } catch (error) {
    return failure(error);
  }
}

const statusCommandSchema = z.object({
  releaseId: releaseIdSchema,
  revision: z.number().int().min(1),
  reason: z.string().trim().max(1000, "Keep the reason under 1000 characters.").optional(),
});

export async function changeStatusAction(input: {
  releaseId: string;
  revision: number;
  command: "HOLD" | "RESUME" | "CANCEL";
  reason?: string;
}): Promise<ActionState> {
  try {
    const user = await currentUser();
    const { releaseId, revision, reason } = statusCommandSchema.parse(input);
    if (input.command !== "RESUME" && !reason) {
      throw new AppError(
        "BAD_REQUEST",
        "REASON_REQUIRED",
        "Give a reason: it is shown on the release and kept in the audit trail.",
      );
    }
    if (input.command === "HOLD")
      await holdRelease({ id: releaseId, actor: user, reason: reason!, revision });
    else if (input.command === "CANCEL")
      await cancelRelease({ id: releaseId, actor: user, reason: reason!, revision });
    else await resumeRelease({ id: releaseId, actor: user, reason: reason ?? null, revision });
    revalidateRelease(releaseId);
    const done = { HOLD: "put on hold", RESUME: "resumed", CANCEL: "cancelled" }[input.command];
    return success(`Release ${done}.`);
  } catch (error) {
    return failure(error);
  }
}

/** Saves a re-plan the person has just previewed (what-if), on the revision the preview saw. */
export async function replanAction(input: {
  releaseId: string;
  revision: number;
  change: unknown;
}): Promise<ActionState> {
  try {
    const user = await currentUser();
    const id = releaseIdSchema.parse(input.releaseId);
    const change = whatIfSchema.parse(input.change);
    const release = await updateRelease(
      user,
      id,
      releaseUpdateSchema.parse({ revision: input.revision, ...change }),
    );
    revalidateRelease(id);
    return success(
      `${release.name} re-planned: go-live ${formatDisplayDate(release.forecastGoLive)}.`,
    );
  } catch (error) {
    return failure(error);
  }
}

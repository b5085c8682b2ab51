"use server";
// The release actions of the UI. Each is the guard (session, permission, zod) around one use case,
// the same one the API route calls; the UI receives them through the (app) layout, never by import.
import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { SaveState } from "@/lib/action-state";
import { OUTCOME_NAMES } from "@/lib/domain/after-go-live";
import { formatDisplayDate } from "@/lib/domain/dates";
import { STRATEGY_NAMES } from "@/lib/domain/rollout";
import { isAppError } from "@/lib/errors";
import { createRelease } from "@/lib/server/releases/create-release";
import { recordOutcome } from "@/lib/server/releases/record-outcome";
import { markStepDone, planRollout } from "@/lib/server/releases/rollout";
import {
  cancelRelease,
  holdRelease,
  reopenStage,
  resumeRelease,
  signOffStage,
} from "@/lib/server/releases/stage-actions";
import { updateRelease } from "@/lib/server/releases/update-release";
import {
  outcomeSchema,
  rolloutSchema,
  releaseCreateSchema,
  releaseIdSchema,
  releaseUpdateSchema,
  replanCommandSchema,
  stageDecisionCommandSchema,
  stageReopenCommandSchema,
  statusCommandSchema,
} from "@/lib/validation/releases";

import { success } from "./answers";
import { commandAction, formAction } from "./guard";

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function revalidateRelease(id?: string) {
  revalidatePath("/releases");
  revalidatePath("/approvals");
  if (id) revalidatePath(`/releases/${id}`);
}

export const createReleaseAction = formAction({
  permission: "releases.plan",
  parse: (form) => {
    const mode = form.get("mode") === "start" ? "start" : "goLive";
    return releaseCreateSchema.parse({
      type: form.get("type"),
      name: form.get("name"),
      version: form.get("version"),
      digest: text(form, "digest") ?? null,
      region: text(form, "region"),
      parentId: text(form, "parentId"),
      product: text(form, "product"),
      description: text(form, "description") ?? null,
      [mode]: text(form, "date"),
      reserve: form.get("reserve") === "on" || undefined,
    });
  },
  run: async (user, input): Promise<SaveState> => {
    const release = await createRelease(user, input);
    revalidateRelease();
    return { ...success(`${release.name} is planned.`), releaseId: release.id };
  },
});

export const updateReleaseAction = formAction({
  permission: "releases.plan",
  parse: (form) => {
    const date = text(form, "date");
    const mode = form.get("mode") === "start" ? "start" : "goLive";
    return {
      id: releaseIdSchema.parse(form.get("id")),
      change: releaseUpdateSchema.parse({
        revision: Number(form.get("revision")),
        name: form.get("name") ?? undefined,
        version: form.get("version") ?? undefined,
        // Fields the form does not send (e.g. a locked artifact) stay as they are.
        digest: form.has("digest") ? (text(form, "digest") ?? null) : undefined,
        description: form.has("description") ? (text(form, "description") ?? null) : undefined,
        region: text(form, "region"),
        product: text(form, "product"),
        ...(date && form.get("replan") === "on" && { [mode]: date }),
        reserve: (date && form.get("replan") === "on" && form.get("reserve") === "on") || undefined,
      }),
    };
  },
  run: async (user, { id, change }) => {
    try {
      const release = await updateRelease(user, id, change);
      revalidateRelease(id);
      return success(`${release.name} saved.`);
    } catch (error) {
      if (isAppError(error) && error.code === "NO_CHANGES") return success("Nothing changed.");
      throw error;
    }
  },
});

export const signOffAction = commandAction({
  permission: "stages.decide", // who exactly may decide a stage is its rule's business (signoff.ts)
  parse: (raw: unknown) => stageDecisionCommandSchema.parse(raw),
  run: async (user, { releaseId, key, decision, comment, onBehalfOf }) => {
    await signOffStage({
      id: releaseId,
      key,
      decision,
      comment: comment || null,
      actor: user,
      onBehalfOf,
    });
    revalidateRelease(releaseId);
    return success(decision === "APPROVE" ? `${key} approved.` : `${key} rejected.`);
  },
});

export const reopenAction = commandAction({
  permission: "releases.plan",
  parse: (raw: unknown) => stageReopenCommandSchema.parse(raw),
  run: async (user, { releaseId, key, comment }) => {
    await reopenStage({ id: releaseId, key, comment: comment || null, actor: user });
    revalidateRelease(releaseId);
    return success(`${key} reopened: approvals start again.`);
  },
});

export const changeStatusAction = commandAction({
  permission: "releases.plan",
  parse: (raw: unknown) => statusCommandSchema.parse(raw),
  run: async (user, { releaseId, revision, command, reason }) => {
    const common = { id: releaseId, actor: user, revision };
    // The schema has made sure that hold and cancel come with a reason.
    if (command === "HOLD") await holdRelease({ ...common, reason: reason! });
    else if (command === "CANCEL") await cancelRelease({ ...common, reason: reason! });
    else await resumeRelease({ ...common, reason: reason || null });
    revalidateRelease(releaseId);
    const done = { HOLD: "put on hold", RESUME: "resumed", CANCEL: "cancelled" }[command];
    return success(`Release ${done}.`);
  },
});

/** Saves a re-plan the person has just previewed (what-if), on the revision the preview saw. */
export const replanAction = commandAction({
  permission: "releases.plan",
  parse: (raw: unknown) => replanCommandSchema.parse(raw),
  run: async (user, { releaseId, revision, change, reserve }) => {
    const release = await updateRelease(
      user,
      releaseId,
      releaseUpdateSchema.parse({ revision, ...change, reserve }),
    );
    revalidateRelease(releaseId);
    return success(
      `${release.name} re-planned: go-live ${formatDisplayDate(release.forecastGoLive)}.`,
    );
  },
});

export const recordOutcomeAction = formAction({
  permission: "releases.outcome",
  parse: (form) => ({
    id: releaseIdSchema.parse(form.get("releaseId")),
    input: outcomeSchema.parse({
      outcome: form.get("outcome"),
      comment: form.get("comment"),
      rolledBackTo: form.get("outcome") === "ROLLED_BACK" ? text(form, "rolledBackTo") : undefined,
      restoredOn: form.get("outcome") === "ROLLED_BACK" ? text(form, "restoredOn") : undefined,
      patchId: form.get("outcome") === "ROLLED_FORWARD" ? text(form, "patchId") : undefined,
    }),
  }),
  run: async (user, { id, input }) => {
    const release = await recordOutcome(user, id, input);
    revalidateRelease(id);
    return success(`Outcome of ${release.name} recorded: ${OUTCOME_NAMES[input.outcome]}.`);
  },
});

export const planRolloutAction = commandAction({
  permission: "releases.plan",
  parse: (raw: { releaseId: string; plan: unknown }) => ({
    id: releaseIdSchema.parse(raw.releaseId),
    input: rolloutSchema.parse(raw.plan),
  }),
  run: async (user, { id, input }) => {
    await planRollout(user, id, input);
    revalidateRelease(id);
    return success(`Rollout planned: ${STRATEGY_NAMES[input.strategy].toLowerCase()}.`);
  },
});

export const markStepDoneAction = commandAction({
  permission: "releases.plan",
  parse: (raw: { releaseId: string; position: number }) => ({
    id: releaseIdSchema.parse(raw.releaseId),
    position: z.number().int().min(1).parse(raw.position),
  }),
  run: async (user, { id, position }) => {
    const release = await markStepDone(user, { releaseId: id, position });
    revalidateRelease(id);
    return success(
      release.rollout.progress.completedOn
        ? `Step ${position} done: ${release.name} is fully rolled out.`
        : `Step ${position} done.`,
    );
  },
});

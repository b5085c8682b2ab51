import "server-only";

// Promotions: a sign-off queues one for the environment it opens (when the product has a GitOps
// target for it) in the sign-off's own transaction; release managers queue one by hand or retry a
// failed one. The worker claims due ones (SKIP LOCKED, under a lease), writes the commit outside any
// transaction, then records the outcome with its audit event and webhook event. A deployment of the
// release's artifact to that environment marks it deployed.
import type { Prisma } from "@/generated/prisma/client";
import { retryAt } from "@/lib/domain/notifications";
import {
  commitMessage,
  commitUrlOf,
  nextEnvironment,
  type PromotedRelease,
  stageBefore,
  valueFor,
} from "@/lib/domain/promotion";
import type { AuditDraft } from "@/lib/domain/signoff";
import type { StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { log } from "@/lib/server/log";
import { writeOutboxEvents } from "@/lib/server/notifications/outbox";
import type { PromotionDto } from "@/lib/types/gitops";
import type { SessionUser } from "@/lib/types/user";

import { GitWorkError, writePromotion } from "./git-client";
import { environmentsOf, remoteOf, targetSelect } from "./targets";

/** How long one instance holds a claimed promotion: longer than a slow clone and push. */
const LEASE_MS = 5 * 60_000;

const promotionSelect = {
  id: true,
  environment: true,
  state: true,
  commit: true,
  commitUrl: true,
  error: true,
  attempts: true,
  nextAttemptAt: true,
  pushedAt: true,
  deployedAt: true,
  requestedById: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PromotionSelect;

type PromotionRow = Prisma.PromotionGetPayload<{ select: typeof promotionSelect }>;

function toDto(row: PromotionRow, people: Map<string, string>): PromotionDto {
  return {
    id: row.id,
    environment: row.environment,
    state: row.state,
    commit: row.commit,
    commitUrl: row.commitUrl,
    error: row.error,
    attempts: row.attempts,
    at: row.updatedAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    pushedAt: row.pushedAt?.toISOString() ?? null,
    deployedAt: row.deployedAt?.toISOString() ?? null,
    requestedBy: row.requestedById
      ? { id: row.requestedById, name: people.get(row.requestedById) ?? "" }
      : null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function toDtos(db: DbTransaction, rows: PromotionRow[]): Promise<PromotionDto[]> {
  const ids = [...new Set(rows.map((row) => row.requestedById).filter((id) => id !== null))];
  const people = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return rows.map((row) => toDto(row, new Map(people.map((person) => [person.id, person.name]))));
}

/** The environments a product's target configures. */
async function configuredEnvironments(
  db: DbTransaction,
  releaseId: string,
): Promise<Set<StageKey>> {
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: { product: { select: { gitops: { select: { environments: true } } } } },
  });
  const target = release?.product?.gitops;
  return new Set(target ? (Object.keys(environmentsOf(target)) as StageKey[]) : []);
}

/**
 * Called with a release's audited changes, in their transaction: each stage signed off queues a
 * promotion to the environment it opens, where the product's target configures one.
 */
export async function queuePromotionsAfterSignOff(
  tx: DbTransaction,
  releaseId: string,
  events: readonly AuditDraft[],
): Promise<void> {
  const opened = events
    .filter((event) => event.action === "STAGE_SIGNED_OFF" && event.stageKey)
    .map((event) => nextEnvironment(event.stageKey!))
    .filter((key): key is StageKey => key !== null);
  if (opened.length === 0) return;
  const configured = await configuredEnvironments(tx, releaseId);
  const environments = opened.filter((key) => configured.has(key));
  if (environments.length === 0) return;
  // One open promotion per environment (a partial unique index): a second is skipped.
  await tx.promotion.createMany({
    data: environments.map((environment) => ({
      releaseId,
      environment,
      nextAttemptAt: new Date(),
    })),
    skipDuplicates: true,
  });
}

/** POST /api/releases/{id}/promotions: a release manager promotes by hand. */
export async function requestPromotion(
  actor: SessionUser,
  releaseId: string,
  environment: StageKey,
): Promise<PromotionDto> {
  assertCan(actor.role, "releases.plan");
  return getDb().$transaction(async (tx) => {
    const release = await tx.release.findUnique({
      where: { id: releaseId },
      select: {
        id: true,
        name: true,
        status: true,
        stages: { select: { key: true, status: true } },
      },
    });
    if (!release) {
      throw new AppError("NOT_FOUND", "RELEASE_NOT_FOUND", "There is no release with this id.");
    }
    const before = stageBefore(environment);
    const signedOff = before
      ? release.stages.find((stage) => stage.key === before)?.status === "SIGNED_OFF"
      : release.status !== "CANCELLED";
    if (!signedOff || release.status === "CANCELLED" || release.status === "ON_HOLD") {
      throw new AppError(
        "CONFLICT",
        "NOT_SIGNED_OFF",
        before
          ? `${release.name} may not go to ${environment}: ${before} is not signed off${release.status === "ON_HOLD" ? " (or it is on hold)" : ""}.`
          : `${release.name} is not under way.`,
      );
    }
    if (!(await configuredEnvironments(tx, releaseId)).has(environment)) {
      throw new AppError(
        "UNPROCESSABLE",
        "NO_GITOPS_TARGET",
        `The product of ${release.name} has no GitOps target for ${environment}: its owners set one up on the product's page.`,
      );
    }
    const open = await tx.promotion.findFirst({
      where: { releaseId, environment, state: { in: ["WAITING", "FAILED"] } },
      select: { id: true },
    });
    const row = open
      ? await tx.promotion.update({
          where: { id: open.id },
          data: { state: "WAITING", nextAttemptAt: new Date(), requestedById: actor.id },
          select: promotionSelect,
        })
      : await tx.promotion.create({
          data: { releaseId, environment, requestedById: actor.id, nextAttemptAt: new Date() },
          select: promotionSelect,
        });
    await tx.auditEvent.create({
      data: {
        action: "PROMOTION_REQUESTED",
        actorId: actor.id,
        releaseId,
        stageKey: environment,
        after: toJsonInput({ promotionId: row.id }),
      },
    });
    return (await toDtos(tx, [row]))[0]!;
  });
}

/** POST /api/promotions/{id}/retry: a failed promotion is tried again now. */
export async function retryPromotion(actor: SessionUser, id: string): Promise<PromotionDto> {
  assertCan(actor.role, "releases.plan");
  return getDb().$transaction(async (tx) => {
    const current = await tx.promotion.findUnique({ where: { id }, select: promotionSelect });
    if (!current)
      throw new AppError("NOT_FOUND", "NOT_FOUND", "There is no promotion with this id.");
    if (current.state !== "FAILED") {
      throw new AppError(
        "CONFLICT",
        "PROMOTION_NOT_FAILED",
        `This promotion is ${current.state.toLowerCase()}: only a failed one is retried.`,
      );
    }
    const row = await tx.promotion.update({
      where: { id },
      data: { state: "WAITING", nextAttemptAt: new Date(), requestedById: actor.id },
      select: promotionSelect,
    });
    return (await toDtos(tx, [row]))[0]!;
  });
}

export async function listPromotions(releaseId: string): Promise<PromotionDto[]> {
  const rows = await getDb().promotion.findMany({
    where: { releaseId },
    select: promotionSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return toDtos(getDb(), rows);
}

/** The promoted environment's deployment arrived: the promotion is deployed (the loop closed). */
export async function markPromotionsDeployed(
  tx: DbTransaction,
  releaseId: string,
  environment: StageKey,
  at: Date,
): Promise<void> {
  await tx.promotion.updateMany({
    where: {
      releaseId,
      environment,
      state: { in: ["PUSHED", "UNCHANGED"] },
      pushedAt: { lte: at },
    },
    data: { state: "DEPLOYED", deployedAt: at },
  });
}

type Claimed = { id: string; attempts: number };

/** Takes up to `limit` due promotions for this instance, under a lease. */
async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  return getDb().$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM promotions
       WHERE state IN ('WAITING', 'FAILED') AND next_attempt_at <= ${now}
       ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    const claimed: Claimed[] = [];
    for (const { id } of due) {
      const row = await tx.promotion.update({
        where: { id },
        data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
        select: { id: true, attempts: true },
      });
      claimed.push(row);
    }
    return claimed;
  });
}

/** What a promotion writes: the release, the target, the file and values, the approvers. */
async function workOf(id: string) {
  const promotion = await getDb().promotion.findUniqueOrThrow({
    where: { id },
    select: {
      environment: true,
      state: true,
      release: {
        select: {
          id: true,
          name: true,
          version: true,
          digest: true,
          product: { select: { gitops: { select: targetSelect } } },
          stages: {
            select: {
              key: true,
              approvalRound: true,
              approvals: {
                where: { decision: "APPROVE" },
                orderBy: { createdAt: "asc" },
                select: { round: true, user: { select: { name: true, email: true } } },
              },
            },
          },
        },
      },
    },
  });
  const { release, environment } = promotion;
  const target = release.product?.gitops;
  const config = target ? environmentsOf(target)[environment] : undefined;
  const before = stageBefore(environment);
  const stage = release.stages.find((candidate) => candidate.key === before);
  const approvers = (stage?.approvals ?? [])
    .filter((approval) => approval.round === stage!.approvalRound)
    .map((approval) => approval.user);
  return { promotion, release, target, config, approvers };
}

async function record(
  id: string,
  releaseId: string,
  environment: StageKey,
  data: Prisma.PromotionUpdateInput,
  event: {
    action: "PROMOTION_PUSHED" | "PROMOTION_FAILED";
    announce: boolean;
    after: Record<string, unknown>;
  },
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.promotion.update({ where: { id }, data });
    await tx.auditEvent.create({
      data: {
        action: event.action,
        releaseId,
        stageKey: environment,
        comment: typeof event.after.error === "string" ? event.after.error : null,
        after: toJsonInput(event.after),
      },
    });
    if (event.announce) {
      await writeOutboxEvents(tx, [
        {
          event: event.action === "PROMOTION_PUSHED" ? "promotion.pushed" : "promotion.failed",
          releaseId,
          stageKey: environment,
          data: { change: event.after },
        },
      ]);
    }
  });
}

/** Does one claimed promotion: writes the commit, records the outcome. */
async function runOne(claimed: Claimed, now: () => Date): Promise<void> {
  const { promotion, release, target, config, approvers } = await workOf(claimed.id);
  const { environment } = promotion;
  const fail = async (reason: string) => {
    const next = retryAt(claimed.attempts, now());
    await record(
      claimed.id,
      release.id,
      environment,
      { state: "FAILED", error: reason, nextAttemptAt: next },
      {
        action: "PROMOTION_FAILED",
        // Announced the first time it fails and when it gives up, not at every retry.
        announce: claimed.attempts === 1 || next === null,
        after: {
          promotionId: claimed.id,
          error: reason,
          attempts: claimed.attempts,
          retryAt: next?.toISOString() ?? null,
        },
      },
    );
  };
  if (!target || !config)
    return fail(`the product has no GitOps target for ${environment} any more`);
  const promoted: PromotedRelease = release;
  const edits: { key: string; value: string }[] = [];
  for (const entry of config.set) {
    const value = valueFor(entry.value, promoted);
    if ("problem" in value) return fail(value.problem);
    edits.push({ key: entry.key, value: value.value });
  }
  try {
    const outcome = await writePromotion(remoteOf(target), {
      file: config.file,
      edits,
      message: commitMessage(promoted, environment, approvers),
      author: { name: target.authorName, email: target.authorEmail },
    });
    const at = now();
    await record(
      claimed.id,
      release.id,
      environment,
      {
        state: outcome.state,
        commit: outcome.commit,
        commitUrl: commitUrlOf(target.repository, outcome.commit),
        error: null,
        nextAttemptAt: null,
        pushedAt: at,
      },
      {
        action: "PROMOTION_PUSHED",
        announce: true,
        after: {
          promotionId: claimed.id,
          state: outcome.state,
          commit: outcome.commit,
          file: config.file,
          values: edits,
        },
      },
    );
  } catch (error) {
    if (!(error instanceof GitWorkError)) log().error({ err: error }, "promotion");
    await fail(
      error instanceof GitWorkError ? error.message : "an unexpected error; see the server log",
    );
  }
}

/** One round of the worker: the due promotions, one after the other; answers how many it did. */
export async function runPromotions(
  now: () => Date = () => new Date(),
  limit = 5,
): Promise<number> {
  const claimed = await claimDue(now(), limit);
  for (const promotion of claimed) await runOne(promotion, now);
  return claimed.length;
}

export type FailedPromotion = PromotionDto & { release: { id: string; name: string } };

/** Promotions that failed (retrying or given up), newest first: for administrators. */
export async function listFailedPromotions(limit = 100): Promise<FailedPromotion[]> {
  const rows = await getDb().promotion.findMany({
    where: { state: "FAILED" },
    select: { ...promotionSelect, release: { select: { id: true, name: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const dtos = await toDtos(getDb(), rows);
  return dtos.map((dto, index) => ({ ...dto, release: rows[index]!.release }));
}

import "server-only";

// A pipeline or GitOps controller reports a deployment. It is tied to its release (by id, else by
// the version the release ships), flagged by the domain's rules, recorded and audited in one
// transaction under the release's row lock (so that "latest per environment" and "the digest
// learned from the first success" hold when reports race), and idempotent by `deliveryId`.
import { Prisma } from "@/generated/prisma/client";
import {
  DEPLOYMENT_FLAGS,
  deploymentFlags,
  describeFlag,
  isLatest,
  learnedDigest,
} from "@/lib/domain/deployments";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { markPromotionsDeployed } from "@/lib/server/gitops/promotions";
import { MUTATION_TIMEOUTS, writeAuditEvents } from "@/lib/server/releases/mutate-release";
import type { DeploymentDto } from "@/lib/types/deployment";
import type { SessionUser } from "@/lib/types/user";
import type { DeploymentReportInput } from "@/lib/validation/deployments";

import { deploymentSelect, toDeploymentDto } from "./deployment-dto";

export type RecordedDeployment = {
  deployment: DeploymentDto;
  /** False when the deliveryId was seen before: the first record, nothing new written. */
  created: boolean;
  /** What is wrong with it, one sentence per flag. */
  warnings: string[];
};

function releaseNotFound(input: DeploymentReportInput): AppError {
  return input.releaseId
    ? new AppError("NOT_FOUND", "RELEASE_NOT_FOUND", "There is no release with this id.", {
        releaseId: input.releaseId,
      })
    : new AppError(
        "NOT_FOUND",
        "RELEASE_NOT_FOUND",
        `No release that is not cancelled ships version ${input.version}. Name it by releaseId, or create the release first.`,
        { version: input.version },
      );
}

/** The reporter's earlier record with this idempotency key (never another reporter's). */
async function findDelivery(
  db: DbTransaction | ReturnType<typeof getDb>,
  reporter: SessionUser,
  deliveryId: string | undefined,
): Promise<DeploymentDto | null> {
  if (!deliveryId) return null;
  const row = await db.deployment.findUnique({
    where: { reportedById_deliveryId: { reportedById: reporter.id, deliveryId } },
    select: deploymentSelect,
  });
  return row && toDeploymentDto(row);
}

/** The release a report names: by id, else the one release not cancelled that ships the version. */
async function releaseIdFor(input: DeploymentReportInput): Promise<string> {
  if (input.releaseId) return input.releaseId;
  const release = await getDb().release.findFirst({
    where: { version: input.version, status: { not: "CANCELLED" } },
    select: { id: true },
  });
  if (!release) throw releaseNotFound(input);
  return release.id;
}

export async function recordDeployment(
  actor: SessionUser,
  input: DeploymentReportInput,
): Promise<RecordedDeployment> {
  assertCan(actor.role, "deployments.report");
  const earlier = await findDelivery(getDb(), actor, input.deliveryId);
  if (earlier) return { deployment: earlier, created: false, warnings: [] };
  const releaseId = await releaseIdFor(input);
  try {
    return await getDb().$transaction(
      (tx) => recordLocked(tx, actor, releaseId, input),
      MUTATION_TIMEOUTS,
    );
  } catch (error) {
    // Two reports with one deliveryId raced: the other one was first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await findDelivery(getDb(), actor, input.deliveryId);
      if (first) return { deployment: first, created: false, warnings: [] };
    }
    throw error;
  }
}

async function recordLocked(
  tx: DbTransaction,
  actor: SessionUser,
  releaseId: string,
  input: DeploymentReportInput,
): Promise<RecordedDeployment> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM releases WHERE id = ${releaseId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw releaseNotFound(input);
  const earlier = await findDelivery(tx, actor, input.deliveryId);
  if (earlier) return { deployment: earlier, created: false, warnings: [] };

  const release = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: {
      version: true,
      digest: true,
      stages: {
        orderBy: { key: "asc" },
        select: {
          id: true,
          key: true,
          status: true,
          lastDeployment: { select: { at: true, flags: true } },
        },
      },
    },
  });
  const stage = release.stages.find((candidate) => candidate.key === input.environment)!;
  const report = { ...input, digest: input.digest ?? null };
  const flags = deploymentFlags(release, report);
  const digest = learnedDigest(release, report, flags);
  const at = input.at ? new Date(input.at) : new Date();
  const warnings = flags.map((flag) => describeFlag(flag, release, report));

  const created = await tx.deployment.create({
    data: {
      releaseId,
      environment: input.environment,
      status: input.status,
      version: input.version,
      digest: input.digest ?? null,
      at,
      source: input.source ?? null,
      url: input.url ?? null,
      deliveryId: input.deliveryId ?? null,
      flags,
      reportedById: actor.id,
    },
    select: deploymentSelect,
  });
  const latest = isLatest(at, stage.lastDeployment);
  if (latest) {
    await tx.stageWindow.update({
      where: { id: stage.id },
      data: { lastDeploymentId: created.id },
    });
  }
  // What the views flag: the flags of each environment's latest deployment, combined.
  const current = release.stages.flatMap((each) =>
    each.id === stage.id && latest ? flags : (each.lastDeployment?.flags ?? []),
  );
  await tx.release.update({
    where: { id: releaseId },
    data: {
      deploymentFlags: DEPLOYMENT_FLAGS.filter((flag) => current.includes(flag)),
      // The release learns its artifact: a change of the release, so its revision moves.
      ...(digest && { digest, revision: { increment: 1 } }),
    },
  });
  // The promoted artifact arrived where it was promoted to: the loop closes.
  if (input.status === "SUCCEEDED" && !flags.includes("ARTIFACT_MISMATCH")) {
    await markPromotionsDeployed(tx, releaseId, input.environment, at);
  }
  await writeAuditEvents(tx, releaseId, actor.id, [
    {
      action: "DEPLOYMENT_RECORDED",
      stageKey: input.environment,
      comment: warnings.length > 0 ? warnings.join(" ") : null,
      after: {
        deploymentId: created.id,
        status: input.status,
        version: input.version,
        digest: input.digest ?? null,
        source: input.source ?? null,
        url: input.url ?? null,
        flags,
        ...(digest && { learnedDigest: digest }),
      },
    },
  ]);
  return { deployment: toDeploymentDto(created), created: true, warnings };
}

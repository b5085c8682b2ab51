import "server-only";

// A product's GitOps target: the repository and branch its environments are configured in, the
// credentials (the token sealed at rest, never answered), the commit author, and per environment
// the file and the keys a promotion sets. Owners and administrators keep it; every change is
// audited without the token.
import { Prisma } from "@/generated/prisma/client";
import type { StageKey } from "@/lib/domain/stages";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { openSecret, sealSecret } from "@/lib/server/notifications/secret-box";
import { assertPublicUrl } from "@/lib/server/notifications/url-guard";
import { managedProduct } from "@/lib/server/products/managed-product";
import type { EnvironmentTarget, GitopsTargetDto, GitopsTestResult } from "@/lib/types/gitops";
import type { SessionUser } from "@/lib/types/user";
import type { GitopsTargetInput } from "@/lib/validation/gitops";

import { type GitRemote, GitWorkError, readBranchHead } from "./git-client";

const WHAT = "GitOps target";

export const targetSelect = {
  repository: true,
  branch: true,
  username: true,
  tokenSealed: true,
  authorName: true,
  authorEmail: true,
  environments: true,
  updatedAt: true,
  product: { select: { key: true, name: true } },
} satisfies Prisma.GitopsTargetSelect;

export type TargetRow = Prisma.GitopsTargetGetPayload<{ select: typeof targetSelect }>;

export function environmentsOf(row: Pick<TargetRow, "environments">) {
  return row.environments as Partial<Record<StageKey, EnvironmentTarget>>;
}

function toDto(row: TargetRow): GitopsTargetDto {
  return {
    product: row.product,
    repository: row.repository,
    branch: row.branch,
    username: row.username,
    hasToken: row.tokenSealed !== null,
    author: { name: row.authorName, email: row.authorEmail },
    environments: environmentsOf(row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** How the worker and the test reach the repository (the token opened only here). */
export function remoteOf(
  row: Pick<TargetRow, "repository" | "branch" | "username" | "tokenSealed">,
): GitRemote {
  return {
    url: row.repository,
    branch: row.branch,
    username: row.username,
    token: row.tokenSealed ? openSecret(row.tokenSealed) : null,
  };
}

function noTarget(key: string): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", `The product '${key}' has no GitOps target.`);
}

async function targetOf(db: DbTransaction, productId: string) {
  return db.gitopsTarget.findUnique({ where: { productId }, select: targetSelect });
}

/** What the audit keeps of a target: everything but the token, and whether there is one. */
function auditShape(row: TargetRow | null) {
  if (!row) return Prisma.DbNull;
  const { tokenSealed, product, updatedAt: _updatedAt, ...rest } = row;
  return toJsonInput({ ...rest, product: product.key, hasToken: tokenSealed !== null })!;
}

/** A repository on plain http or a private network only where private networks are allowed. */
async function assertReachable(repository: string): Promise<void> {
  if (
    new URL(repository).protocol === "http:" &&
    getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS === "none"
  ) {
    throw new AppError(
      "BAD_REQUEST",
      "VALIDATION_FAILED",
      "Use the https address of the repository.",
      {
        issues: [{ path: "repository", message: "Use the https address of the repository." }],
      },
    );
  }
  await assertPublicUrl(repository);
}

/** The product's target for its page (the caller checked who may see it), or null. */
export async function findGitopsTarget(key: string): Promise<GitopsTargetDto | null> {
  const row = await getDb().gitopsTarget.findFirst({
    where: { product: { key } },
    select: targetSelect,
  });
  return row && toDto(row);
}

export async function getGitopsTarget(actor: SessionUser, key: string): Promise<GitopsTargetDto> {
  assertCan(actor.role, "products.manage");
  const product = await managedProduct(getDb(), actor, key, WHAT);
  const row = await targetOf(getDb(), product.id);
  if (!row) throw noTarget(key);
  return toDto(row);
}

export async function setGitopsTarget(
  actor: SessionUser,
  key: string,
  input: GitopsTargetInput,
): Promise<GitopsTargetDto> {
  assertCan(actor.role, "products.manage");
  await assertReachable(input.repository);
  return getDb().$transaction(async (tx) => {
    const product = await managedProduct(tx, actor, key, WHAT);
    const before = await targetOf(tx, product.id);
    // Absent keeps the stored token, an empty one removes it.
    const tokenSealed =
      input.token === undefined
        ? (before?.tokenSealed ?? null)
        : input.token === ""
          ? null
          : sealSecret(input.token);
    const data = {
      repository: input.repository,
      branch: input.branch,
      username: input.username ?? null,
      tokenSealed,
      authorName: input.author.name,
      authorEmail: input.author.email,
      environments: toJsonInput(input.environments)!,
      updatedById: actor.id,
    };
    const row = await tx.gitopsTarget.upsert({
      where: { productId: product.id },
      create: { productId: product.id, ...data },
      update: data,
      select: targetSelect,
    });
    await tx.auditEvent.create({
      data: {
        action: "GITOPS_CHANGED",
        actorId: actor.id,
        comment: `GitOps target of ${product.name} ${before ? "changed" : "set"}.`,
        before: auditShape(before),
        after: auditShape(row),
      },
    });
    return toDto(row);
  });
}

export async function deleteGitopsTarget(actor: SessionUser, key: string): Promise<void> {
  assertCan(actor.role, "products.manage");
  await getDb().$transaction(async (tx) => {
    const product = await managedProduct(tx, actor, key, WHAT);
    const before = await targetOf(tx, product.id);
    if (!before) throw noTarget(key);
    await tx.gitopsTarget.delete({ where: { productId: product.id } });
    await tx.auditEvent.create({
      data: {
        action: "GITOPS_CHANGED",
        actorId: actor.id,
        comment: `GitOps target of ${product.name} removed.`,
        before: auditShape(before),
        after: Prisma.DbNull,
      },
    });
  });
}

/** "Test connection": reads the branch with the stored credentials and says what it found. */
export async function testGitopsTarget(actor: SessionUser, key: string): Promise<GitopsTestResult> {
  assertCan(actor.role, "products.manage");
  const product = await managedProduct(getDb(), actor, key, WHAT);
  const row = await targetOf(getDb(), product.id);
  if (!row) throw noTarget(key);
  try {
    const head = await readBranchHead(remoteOf(row));
    return {
      ok: true,
      head,
      message: `Branch ${row.branch} found at ${head.slice(0, 12)}.`,
    };
  } catch (error) {
    const reason = error instanceof GitWorkError ? error.message : "the repository cannot be read";
    return { ok: false, head: null, message: `Cannot read ${row.branch}: ${reason}.` };
  }
}

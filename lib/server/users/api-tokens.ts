import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import {
  DEFAULT_TOKEN_MAX_LIFETIME_DAYS,
  type TokenScope,
  tokenExpiry,
  tokenScopesFor,
} from "@/lib/domain/people";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import type { ApiTokenAdminDto, ApiTokenDto, SessionUser } from "@/lib/types/user";

import { sessionUserSelect } from "./session-user";

/** Secret scanners (GitHub, GitLab, trufflehog) recognise the prefix. */
export const TOKEN_PREFIX = "rc_";
/** `lastUsedAt` is written at most this often per token. */
const USED_EVERY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A caller with a token: who, and what the token may do. */
export type TokenCaller = { user: SessionUser; scope: TokenScope };

/** The active owner of a valid token (not revoked, not expired), or null. */
export async function authenticateApiToken(token: string): Promise<TokenCaller | null> {
  const db = getDb();
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { ...sessionUserSelect, isActive: true } },
    },
  });
  const now = new Date();
  if (!found || found.revokedAt || !found.user.isActive) return null;
  if (found.expiresAt && found.expiresAt <= now) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  const { isActive: _isActive, ...user } = found.user;
  return { user, scope: found.scope };
}

const tokenSelect = {
  id: true,
  name: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
} satisfies Prisma.ApiTokenSelect;

function toTokenDto(token: Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

/** Still usable: not revoked, not expired. */
function liveTokens(): Prisma.ApiTokenWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] };
}

/** The user's own tokens still usable, newest first; never the secret. */
export async function listOwnTokens(user: SessionUser): Promise<ApiTokenDto[]> {
  const tokens = await getDb().apiToken.findMany({
    where: { userId: user.id, ...liveTokens() },
    orderBy: { createdAt: "desc" },
    select: tokenSelect,
  });
  return tokens.map(toTokenDto);
}

/** Every usable token, with its owner (administrators). */
export async function listAllTokens(): Promise<ApiTokenAdminDto[]> {
  const tokens = await getDb().apiToken.findMany({
    where: liveTokens(),
    orderBy: { createdAt: "desc" },
    select: { ...tokenSelect, user: { select: sessionUserSelect } },
  });
  return tokens.map((token) => ({
    ...toTokenDto(token),
    owner: {
      id: token.user.id,
      name: token.user.name,
      email: token.user.email,
      role: token.user.role,
    },
  }));
}

/** Creates a token for the user; the secret is in the answer and nowhere else, ever again. */
export async function createApiToken(
  user: SessionUser,
  input: { name: string; scope: TokenScope; expiresAt?: Date | null },
): Promise<ApiTokenDto & { token: string }> {
  if (!tokenScopesFor(user.role).includes(input.scope)) {
    throw new AppError(
      "UNPROCESSABLE",
      "SCOPE_NOT_ALLOWED",
      `A viewer's token can only read: use the scope "read".`,
    );
  }
  const expiresAt = tokenExpiry(input.expiresAt, new Date(), await getTokenMaxLifetimeDays());
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        scope: input.scope,
        expiresAt,
        tokenHash: hashApiToken(token),
        userId: user.id,
        createdById: user.id,
      },
      select: tokenSelect,
    });
    await auditToken(tx, user.id, user.id, "TOKEN_CREATED", row);
    return row;
  });
  return { ...toTokenDto(created), token };
}

async function auditToken(
  tx: DbTransaction,
  actorId: string,
  ownerId: string,
  action: "TOKEN_CREATED" | "TOKEN_REVOKED",
  token: { id: string; name: string; scope: TokenScope },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action,
      actorId,
      subjectUserId: ownerId,
      after: { tokenId: token.id, name: token.name, scope: token.scope },
    },
  });
}

/**
 * Revokes a token: the owner's own (`ownerId` given), or any (administrators). Unknown, someone
 * else's or already revoked tokens are not found.
 */
export async function revokeApiToken(
  actor: SessionUser,
  tokenId: string,
  options: { ownerId?: string } = {},
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, revokedAt: null, ...(options.ownerId && { userId: options.ownerId }) },
      select: { id: true, name: true, scope: true, userId: true },
    });
    if (!token) throw new AppError("NOT_FOUND", "NOT_FOUND", "There is no such API token.");
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await auditToken(tx, actor.id, token.userId, "TOKEN_REVOKED", token);
  });
}

/** The longest a new API token may live, in days (an administrator's setting). */
export async function getTokenMaxLifetimeDays(): Promise<number> {
  const settings = await getDb().appSettings.findUnique({
    where: { id: 1 },
    select: { tokenMaxLifetimeDays: true },
  });
  return settings?.tokenMaxLifetimeDays ?? DEFAULT_TOKEN_MAX_LIFETIME_DAYS;
}

/** Administrators set the longest a new API token may live (tokens already made keep theirs). */
export async function setTokenMaxLifetimeDays(actor: SessionUser, days: number): Promise<void> {
  assertCan(actor.role, "users.manage");
  await getDb().$transaction(async (tx) => {
    const before = await tx.appSettings.findUnique({
      where: { id: 1 },
      select: { tokenMaxLifetimeDays: true },
    });
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, tokenMaxLifetimeDays: days },
      update: { tokenMaxLifetimeDays: days },
    });
    await tx.auditEvent.create({
      data: {
        action: "SETTINGS_CHANGED",
        actorId: actor.id,
        comment: `API tokens live at most ${days} days`,
        before: {
          tokenMaxLifetimeDays: before?.tokenMaxLifetimeDays ?? DEFAULT_TOKEN_MAX_LIFETIME_DAYS,
        },
        after: { tokenMaxLifetimeDays: days },
      },
    });
  });
}

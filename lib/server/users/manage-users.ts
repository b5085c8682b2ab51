import "server-only";

// User administration: list, create (with a password or a one-time link), change name and role,
// deactivate and reactivate, force a password reset. Every change is audited with who changed
// whom; the last active admin stays one.
import { Prisma } from "@/generated/prisma/client";
import { assertKeepsAnAdmin } from "@/lib/domain/people";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type Page, pageOf } from "@/lib/server/api/paging";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import type { SessionUser, UserDto, UserSummary } from "@/lib/types/user";
import type { UserCreateInput, UserListQuery, UserUpdateInput } from "@/lib/validation/users";

import { issuePasswordLink } from "./password-links";
import { hashNewPassword } from "./passwords";
import { sessionUserSelect } from "./session-user";

const userSelect = {
  ...sessionUserSelect,
  isActive: true,
  passwordHash: true,
  oidcSubject: true,
  lastSignInAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.isActive,
    hasPassword: row.passwordHash !== null,
    hasSso: row.oidcSubject !== null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", "There is no user with this id.");
}

/**
 * Users by name. Administrators see everyone with every field; others see the active users'
 * id, name, email and role (to pick a deputy or an approver).
 */
export async function listUsers(
  viewer: SessionUser,
  query: UserListQuery,
): Promise<Page<UserDto | UserSummary>> {
  const isAdmin = viewer.role === "ADMIN";
  const where: Prisma.UserWhereInput = {
    ...(query.role && { role: query.role }),
    ...(isAdmin ? query.active !== undefined && { isActive: query.active } : { isActive: true }),
    ...(query.q && {
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { email: { contains: query.q, mode: "insensitive" } },
      ],
    }),
  };
  const rows = await getDb().user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: userSelect,
  });
  const users = rows.map((row) =>
    isAdmin ? toUserDto(row) : { id: row.id, name: row.name, email: row.email, role: row.role },
  );
  return pageOf(users, query);
}

export async function getUser(id: string): Promise<UserDto> {
  const row = await getDb().user.findUnique({ where: { id }, select: userSelect });
  if (!row) throw notFound();
  return toUserDto(row);
}

/** Creates a user with a password, or with a one-time link to set one (valid 7 days). */
export async function createUser(
  actor: SessionUser,
  input: UserCreateInput,
  origin: string,
): Promise<{ user: UserDto; setPasswordUrl?: string }> {
  assertCan(actor.role, "users.manage");
  const passwordHash = input.password ? await hashNewPassword(input.password, "password") : null;
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          passwordChangedAt: passwordHash ? new Date() : null,
        },
        select: userSelect,
      });
      await tx.auditEvent.create({
        data: {
          action: "USER_CREATED",
          actorId: actor.id,
          subjectUserId: row.id,
          after: { email: row.email, name: row.name, role: row.role },
        },
      });
      if (passwordHash) return { user: toUserDto(row) };
      const setPasswordUrl = await issuePasswordLink(tx, {
        userId: row.id,
        purpose: "INVITE",
        createdById: actor.id,
        origin,
      });
      return { user: toUserDto(row), setPasswordUrl };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "CONFLICT",
        "EMAIL_TAKEN",
        `There is a user with the email ${input.email} already.`,
      );
    }
    throw error;
  }
}

/** Locks the active admins (so two admins cannot demote each other at once) and counts them. */
export async function countActiveAdmins(tx: DbTransaction): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE role = 'ADMIN' AND is_active FOR UPDATE`;
  return rows.length;
}

/** Changes a user's name, role or whether they are active; a deactivation signs them out. */
export async function updateUser(
  actor: SessionUser,
  id: string,
  input: UserUpdateInput,
): Promise<UserDto> {
  assertCan(actor.role, "users.manage");
  return getDb().$transaction(async (tx) => {
    const activeAdmins = await countActiveAdmins(tx);
    const before = await tx.user.findUnique({ where: { id }, select: userSelect });
    if (!before) throw notFound();
    assertKeepsAnAdmin({ target: before, change: input, activeAdmins });
    const changed = (["name", "role", "isActive"] as const).filter(
      (field) => input[field] !== undefined && input[field] !== before[field],
    );
    if (changed.length === 0) return toUserDto(before);
    const after = await tx.user.update({
      where: { id },
      data: Object.fromEntries(changed.map((field) => [field, input[field]])),
      select: userSelect,
    });
    if (input.isActive === false) {
      await tx.userSession.updateMany({
        where: { userId: id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    await tx.auditEvent.create({
      data: {
        action: "USER_UPDATED",
        actorId: actor.id,
        subjectUserId: id,
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, after[field]])),
      },
    });
    return toUserDto(after);
  });
}

/**
 * An administrator forces a new password: the old one stops working, the user's sessions end, and
 * a one-time link (valid 7 days) lets them set a new one. With `revokeAccess` (an account thought
 * taken over) their API tokens and calendar feed stop working too.
 */
export async function forcePasswordReset(
  actor: SessionUser,
  id: string,
  origin: string,
  options: { revokeAccess?: boolean } = {},
): Promise<{ setPasswordUrl: string }> {
  assertCan(actor.role, "users.manage");
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, isActive: true } });
    if (!user) throw notFound();
    const now = new Date();
    await tx.user.update({ where: { id }, data: { passwordHash: null } });
    await tx.userSession.updateMany({
      where: { userId: id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (options.revokeAccess) {
      await tx.apiToken.updateMany({
        where: { userId: id, revokedAt: null },
        data: { revokedAt: now },
      });
      await tx.calendarFeed.updateMany({
        where: { userId: id },
        data: { tokenHash: null, version: { increment: 1 } },
      });
    }
    await tx.auditEvent.create({
      data: {
        action: "USER_PASSWORD_RESET",
        actorId: actor.id,
        subjectUserId: id,
        ...(options.revokeAccess && {
          comment: "API tokens and the calendar feed revoked with the password.",
        }),
      },
    });
    const setPasswordUrl = await issuePasswordLink(tx, {
      userId: id,
      purpose: "RESET",
      createdById: actor.id,
      origin,
    });
    return { setPasswordUrl };
  });
}

// Calendar feed tokens: derived from the app secret, the user and a version, so that the same URL can
// be shown again without storing the token; only its hash is stored, to find the user. Revoking clears
// the hash and bumps the version: the old URL answers 404 and the next one differs.
import "server-only";

import { createHash, createHmac } from "node:crypto";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

function secret(): string {
  const value = getEnv().NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is required for calendar feed tokens");
  return value;
}

export function deriveFeedToken(userId: string, version: number): string {
  return createHmac("sha256", secret())
    .update(`calendar-feed:${userId}:${version}`)
    .digest("base64url");
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedUrl(origin: string, token: string): string {
  return `${origin}/api/calendar.ics?token=${token}`;
}

/** The user's feed URL, creating (or re-activating) the feed on first use. */
export async function getOrCreateFeedUrl(user: SessionUser, origin: string): Promise<string> {
  return feedUrl(origin, await getOrCreateFeedToken(user));
}

/**
 * The address of a product's release-notes feed (Atom) with the user's personal feed token, the
 * same token as the calendar feed's (revoking one revokes both).
 */
export async function getOrCreateNotesFeedUrl(
  user: SessionUser,
  origin: string,
  productKey: string,
): Promise<string> {
  const token = await getOrCreateFeedToken(user);
  return `${origin}/api/products/${encodeURIComponent(productKey)}/notes.atom?token=${token}`;
}

async function getOrCreateFeedToken(user: SessionUser): Promise<string> {
  const db = getDb();
  const feed = await db.calendarFeed.upsert({
    where: { userId: user.id },
    create: { userId: user.id },
    update: {},
  });
  const token = deriveFeedToken(user.id, feed.version);
  const tokenHash = hashFeedToken(token);
  if (feed.tokenHash !== tokenHash) {
    await db.calendarFeed.update({ where: { userId: user.id }, data: { tokenHash } });
  }
  return token;
}

/** Revokes the current feed URL (if any): it answers 404 from now on. */
export async function revokeFeed(user: SessionUser): Promise<void> {
  const db = getDb();
  const feed = await db.calendarFeed.findUnique({ where: { userId: user.id } });
  if (!feed) return;
  await db.calendarFeed.update({
    where: { userId: user.id },
    data: { tokenHash: null, version: { increment: 1 } },
  });
}

/** The active user a feed token belongs to, or a 404 (never says whether the token once existed). */
export async function userOfFeedToken(token: string): Promise<SessionUser> {
  const feed = token
    ? await getDb().calendarFeed.findUnique({
        where: { tokenHash: hashFeedToken(token) },
        include: {
          user: { select: { id: true, email: true, name: true, role: true, isActive: true } },
        },
      })
    : null;
  if (!feed || !feed.user.isActive) {
    throw new AppError(
      "NOT_FOUND",
      "NOT_FOUND",
      "There is no calendar feed at this address. It may have been revoked.",
    );
  }
  const { isActive: _isActive, ...user } = feed.user;
  return user;
}

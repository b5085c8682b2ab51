import "server-only";

// Watching: anyone who reads may follow a product (all its releases) or one release. Watchers hear
// when a watched release ships (with its notes), is at risk, held or cancelled (dispatch.ts), and
// when its go-live moves by more working days than they tolerate: measured from the go-live they
// last heard of (watch_notices), told once per move, through the outbox.
import { dateToIso, type IsoDate, isoToDate } from "@/lib/domain/dates";
import { DEFAULT_EMAIL_PREFERENCES, type EmailPreferences } from "@/lib/domain/notifications";
import { isUnderWay } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import type { ReleaseStatus } from "@/lib/domain/stages";
import { DEFAULT_SLIP_THRESHOLD, moveToTell } from "@/lib/domain/watching";
import { assertCan } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { type OutboxDraft, writeOutboxEvents } from "@/lib/server/notifications/outbox";
import { productOf } from "@/lib/server/products/managed-product";
import { getRelease } from "@/lib/server/releases/get-release";
import type { WatchesDto, WatchStateDto } from "@/lib/types/notes";
import type { SessionUser } from "@/lib/types/user";

export type Watcher = {
  id: string;
  name: string;
  email: string;
  preferences: EmailPreferences;
  slipThreshold: number;
  /** The product they watch the release through, or null when they watch the release itself. */
  throughProduct: string | null;
};

/** The active people who watch a release, directly or through its product (each once). */
export async function watchersOf(
  tx: DbTransaction,
  release: { id: string; productId: string },
): Promise<Watcher[]> {
  const watches = await tx.watch.findMany({
    where: {
      OR: [{ releaseId: release.id }, { productId: release.productId }],
      user: { isActive: true },
    },
    select: {
      releaseId: true,
      product: { select: { name: true } },
      user: {
        select: { id: true, name: true, email: true, notificationPreference: true },
      },
    },
  });
  const byUser = new Map<string, Watcher>();
  for (const watch of watches) {
    const { user } = watch;
    const known = byUser.get(user.id);
    const throughProduct = watch.releaseId ? null : (watch.product?.name ?? null);
    if (known) {
      // Watching the release itself is the closer reason.
      if (throughProduct === null) known.throughProduct = null;
      continue;
    }
    const preference = user.notificationPreference;
    byUser.set(user.id, {
      id: user.id,
      name: user.name,
      email: user.email,
      preferences: preference ?? DEFAULT_EMAIL_PREFERENCES,
      slipThreshold: preference?.slipThresholdWorkingDays ?? DEFAULT_SLIP_THRESHOLD,
      throughProduct,
    });
  }
  return [...byUser.values()];
}

export type GoLiveNow = {
  releaseId: string;
  productId: string;
  region: string;
  status: ReleaseStatus;
  goLive: IsoDate;
  /** What a watcher who was told nothing yet is assumed to know. */
  reference: IsoDate;
};

/**
 * Tells each watcher of these releases whose go-live moved past their threshold (an outbox event
 * `release.moved` for them), and remembers what they were told; a watcher without a notice yet
 * gets the reference as their starting point, so that small moves add up.
 */
export async function tellMovedGoLives(
  tx: DbTransaction,
  releases: readonly GoLiveNow[],
  settings: PlanningSettings,
): Promise<number> {
  const drafts: OutboxDraft[] = [];
  for (const release of releases) {
    if (!isUnderWay(release.status)) continue;
    const watchers = await watchersOf(tx, { id: release.releaseId, productId: release.productId });
    if (watchers.length === 0) continue;
    const notices = await tx.watchNotice.findMany({
      where: { releaseId: release.releaseId, userId: { in: watchers.map((w) => w.id) } },
      select: { userId: true, goLive: true },
    });
    const told = new Map(notices.map((notice) => [notice.userId, dateToIso(notice.goLive)]));
    const calendar = calendarFor(release.region, settings.periods);
    for (const watcher of watchers) {
      const from = told.get(watcher.id) ?? release.reference;
      const move = moveToTell(from, release.goLive, watcher.slipThreshold, calendar);
      if (move) {
        drafts.push({
          event: "release.moved",
          releaseId: release.releaseId,
          stageKey: "PROD",
          data: { userId: watcher.id, ...move },
        });
      }
      if (move || !told.has(watcher.id)) {
        const goLive = isoToDate(move ? release.goLive : from);
        await tx.watchNotice.upsert({
          where: { userId_releaseId: { userId: watcher.id, releaseId: release.releaseId } },
          create: { userId: watcher.id, releaseId: release.releaseId, goLive },
          update: { goLive },
        });
      }
    }
  }
  await writeOutboxEvents(tx, drafts);
  return drafts.length;
}

/** Follow a product: every release of it. */
export async function watchProduct(actor: SessionUser, key: string): Promise<void> {
  assertCan(actor.role, "watches.manage");
  const product = await productOf(getDb(), key);
  await getDb().watch.createMany({
    data: [{ userId: actor.id, productId: product.id }],
    skipDuplicates: true,
  });
}

export async function unwatchProduct(actor: SessionUser, key: string): Promise<void> {
  assertCan(actor.role, "watches.manage");
  const product = await productOf(getDb(), key);
  await getDb().watch.deleteMany({ where: { userId: actor.id, productId: product.id } });
}

/** Follow one release; its go-live as of now is where moves are measured from. */
export async function watchRelease(actor: SessionUser, releaseId: string): Promise<void> {
  assertCan(actor.role, "watches.manage");
  const release = await getRelease(releaseId);
  await getDb().$transaction(async (tx) => {
    await tx.watch.createMany({
      data: [{ userId: actor.id, releaseId }],
      skipDuplicates: true,
    });
    await tx.watchNotice.createMany({
      data: [{ userId: actor.id, releaseId, goLive: isoToDate(release.forecastGoLive) }],
      skipDuplicates: true,
    });
  });
}

export async function unwatchRelease(actor: SessionUser, releaseId: string): Promise<void> {
  assertCan(actor.role, "watches.manage");
  await getRelease(releaseId);
  await getDb().watch.deleteMany({ where: { userId: actor.id, releaseId } });
}

/** What the caller watches, newest first, and how far a go-live may move before they hear. */
export async function listWatches(actor: SessionUser): Promise<WatchesDto> {
  const db = getDb();
  const [watches, preference] = await Promise.all([
    db.watch.findMany({
      where: { userId: actor.id },
      orderBy: { createdAt: "desc" },
      select: {
        createdAt: true,
        product: { select: { key: true, name: true } },
        release: { select: { id: true } },
      },
    }),
    db.notificationPreference.findUnique({
      where: { userId: actor.id },
      select: { slipThresholdWorkingDays: true },
    }),
  ]);
  const releases = await Promise.all(
    watches.map((watch) => (watch.release ? getRelease(watch.release.id) : null)),
  );
  return {
    watches: watches.map((watch, index) => {
      const release = releases[index];
      return {
        kind: watch.product ? "product" : "release",
        createdAt: watch.createdAt.toISOString(),
        product: watch.product,
        release: release
          ? {
              id: release.id,
              name: release.name,
              version: release.version,
              forecastGoLive: release.forecastGoLive,
            }
          : null,
      };
    }),
    slipThresholdWorkingDays: preference?.slipThresholdWorkingDays ?? DEFAULT_SLIP_THRESHOLD,
  };
}

/** Whether the person watches the release itself and its product. */
export async function watchStateOf(
  userId: string,
  release: { id: string; product: { key: string } },
): Promise<WatchStateDto> {
  const watches = await getDb().watch.findMany({
    where: { userId, OR: [{ releaseId: release.id }, { product: { key: release.product.key } }] },
    select: { releaseId: true },
  });
  return {
    release: watches.some((watch) => watch.releaseId !== null),
    product: watches.some((watch) => watch.releaseId === null),
  };
}

/** Whether the person watches the product. */
export async function watchesProduct(userId: string, productKey: string): Promise<boolean> {
  return (await getDb().watch.count({ where: { userId, product: { key: productKey } } })) > 0;
}

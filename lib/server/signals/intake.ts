import "server-only";

// The signal intake: alerts from Alertmanager and signals posted as JSON are stored once per
// (fingerprint, start) — a repeat or a resolved notice updates the same row — matched to the
// releases observed in production when they started, and counted on those releases. A release's
// first critical signal is announced (outbox: `release.signal`, an email to its managers).
import { addDays, dateToIso, isoToDate } from "@/lib/domain/dates";
import {
  type ObservedRelease,
  type ProductMatching,
  readAlert,
  releasesObservedOn,
  UNMATCHED_RETENTION_DAYS,
} from "@/lib/domain/signals";
import type { StageKey } from "@/lib/domain/stages";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { writeOutboxEvents } from "@/lib/server/notifications/outbox";
import { releaseContext } from "@/lib/server/releases/release-context";
import { releaseSelect, toReleaseDto } from "@/lib/server/releases/release-dto";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";

import { productMatchings } from "./matching";

export type IncomingSignal = {
  source: "ALERTMANAGER" | "API";
  fingerprint: string;
  startsAt: Date;
  endsAt: Date | null;
  status: "FIRING" | "RESOLVED";
  labels: Record<string, string>;
  summary: string;
  url: string | null;
  /** What a generic signal states outright (instead of labels). */
  explicit?: { product?: string; environment?: StageKey; severity?: string };
};

/** A window wider than any observation plus rollout: the live releases worth looking at. */
const LOOKBACK_DAYS = 120;

/** The releases of a product live in production around a day, with their observation windows. */
async function observedReleases(
  tx: DbTransaction,
  productId: string,
  day: string,
  context: ReturnType<typeof releaseContext>,
): Promise<ObservedRelease[]> {
  const rows = await tx.release.findMany({
    where: {
      productId,
      status: "LIVE",
      stages: {
        some: {
          key: "PROD",
          actualStart: { gte: isoToDate(addDays(day, -LOOKBACK_DAYS)), lte: isoToDate(day) },
        },
      },
    },
    select: releaseSelect,
  });
  return rows.flatMap((row) => {
    const release = toReleaseDto(row, context);
    if (!release.liveOn || !release.observationEnd) return [];
    const lastStep = row.rolloutSteps.at(-1);
    return [
      {
        id: release.id,
        liveOn: release.liveOn,
        observationEnd: release.observationEnd,
        rolloutEnd: lastStep ? dateToIso(lastStep.date) : null,
      },
    ];
  });
}

/** Stores one signal (a new one, or the same one again) and links it to its releases. */
async function storeSignal(
  tx: DbTransaction,
  signal: IncomingSignal,
  reading: ReturnType<typeof readAlert>,
  releaseIds: string[],
  reason: string | null,
): Promise<{ id: string; linkedBefore: string[] }> {
  const severity = reading.severity.slice(0, 40);
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO signals (id, source, fingerprint, starts_at, ends_at, status, severity, summary, url,
                         labels, product_id, environment, unmatched_reason)
    VALUES (gen_random_uuid(), ${signal.source}::signal_source, ${signal.fingerprint},
            ${signal.startsAt}, ${signal.endsAt}, ${signal.status}::signal_status, ${severity},
            ${signal.summary}, ${signal.url}, ${JSON.stringify(signal.labels)}::jsonb,
            ${reading.product?.id ?? null}::uuid, ${reading.environment}::stage_key, ${reason})
    ON CONFLICT (fingerprint, starts_at) DO UPDATE SET
      ends_at = EXCLUDED.ends_at, status = EXCLUDED.status, severity = EXCLUDED.severity,
      summary = EXCLUDED.summary, url = COALESCE(EXCLUDED.url, signals.url),
      labels = EXCLUDED.labels, product_id = EXCLUDED.product_id,
      environment = EXCLUDED.environment, unmatched_reason = EXCLUDED.unmatched_reason,
      received_count = signals.received_count + 1, last_received_at = now()
    RETURNING id::text`;
  const id = row!.id;
  const before = await tx.signalRelease.findMany({
    where: { signalId: id },
    select: { releaseId: true },
  });
  await tx.signalRelease.deleteMany({ where: { signalId: id } });
  if (releaseIds.length > 0) {
    await tx.signalRelease.createMany({
      data: releaseIds.map((releaseId) => ({ signalId: id, releaseId })),
    });
  }
  return { id, linkedBefore: before.map((link) => link.releaseId) };
}

/** Counts each release's signals again, and announces a first critical one. */
async function recount(
  tx: DbTransaction,
  releaseIds: string[],
  latest: Map<string, IncomingSignal>,
): Promise<void> {
  if (releaseIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE releases r SET
      signals_critical = c.critical, signals_warning = c.warning, signals_firing = c.firing
    FROM (
      SELECT r2.id,
             count(s.id) FILTER (WHERE s.severity = 'critical')::int AS critical,
             count(s.id) FILTER (WHERE s.severity = 'warning')::int AS warning,
             count(s.id) FILTER (WHERE s.status = 'FIRING')::int AS firing
      FROM releases r2
      LEFT JOIN signal_releases sr ON sr.release_id = r2.id
      LEFT JOIN signals s ON s.id = sr.signal_id
      WHERE r2.id = ANY(${releaseIds}::uuid[])
      GROUP BY r2.id
    ) c
    WHERE r.id = c.id`;
  const announced = await tx.$queryRaw<{ id: string }[]>`
    UPDATE releases SET signal_announced_at = now()
    WHERE id = ANY(${releaseIds}::uuid[]) AND signals_critical > 0 AND signal_announced_at IS NULL
    RETURNING id::text`;
  await writeOutboxEvents(
    tx,
    announced.map(({ id }) => {
      const signal = latest.get(id);
      return {
        event: "release.signal" as const,
        releaseId: id,
        stageKey: "PROD" as const,
        data: signal
          ? {
              severity: "critical",
              summary: signal.summary,
              startsAt: signal.startsAt.toISOString(),
              url: signal.url,
              labels: signal.labels,
            }
          : {},
      };
    }),
  );
}

/**
 * Takes signals in: each stored (or updated), matched and counted, in one transaction. Answers how
 * many were received and how many belong to a release.
 */
export async function receiveSignals(
  signals: readonly IncomingSignal[],
): Promise<{ received: number; matched: number }> {
  const settings = await getPlanningSettings();
  const context = releaseContext(settings);
  return getDb().$transaction(
    async (tx) => {
      const products: ProductMatching[] = await productMatchings(tx);
      const observed = new Map<string, ObservedRelease[]>();
      const touched = new Set<string>();
      const criticalOf = new Map<string, IncomingSignal>();
      let matched = 0;
      for (const signal of signals) {
        const reading = readAlert(signal.labels, products, signal.explicit);
        let releaseIds: string[] = [];
        let reason: string | null = reading.reason;
        if (!reason && reading.product) {
          const day = companyToday(settings.companyTimeZone, signal.startsAt);
          const cacheKey = `${reading.product.id}/${day}`;
          if (!observed.has(cacheKey)) {
            observed.set(cacheKey, await observedReleases(tx, reading.product.id, day, context));
          }
          releaseIds = releasesObservedOn(day, observed.get(cacheKey)!);
          if (releaseIds.length === 0) reason = "NO_RELEASE_OBSERVED";
        }
        const stored = await storeSignal(tx, signal, reading, releaseIds, reason);
        for (const id of [...releaseIds, ...stored.linkedBefore]) touched.add(id);
        if (reading.severity === "critical") {
          for (const id of releaseIds) criticalOf.set(id, signal);
        }
        if (releaseIds.length > 0) matched++;
      }
      await recount(tx, [...touched], criticalOf);
      return { received: signals.length, matched };
    },
    { maxWait: 20_000, timeout: 60_000 },
  );
}

/** Unmatched signals are forgotten after 90 days (the worker's housekeeping). */
export async function pruneUnmatchedSignals(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNMATCHED_RETENTION_DAYS * 86_400_000);
  const { count } = await getDb().signal.deleteMany({
    where: { unmatchedReason: { not: null }, lastReceivedAt: { lt: before } },
  });
  return count;
}

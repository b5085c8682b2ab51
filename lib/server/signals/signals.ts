import "server-only";

// What the signal routes take in and answer: Alertmanager's alerts and generic signals become
// signals for the intake; a release's signals and the list administrators fix mappings from.
import { createHash } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import { endOfAlert } from "@/lib/domain/signals";
import { assertCan } from "@/lib/permissions";
import { getDb } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/releases/mutate-release";
import type { SignalDto } from "@/lib/types/signals";
import type { SessionUser } from "@/lib/types/user";
import type { AlertInput, GenericSignalInput } from "@/lib/validation/signals";

import type { IncomingSignal } from "./intake";

/** Only http(s) addresses become links. */
function safeUrl(value: string | undefined): string | null {
  if (!value || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** An alert of Alertmanager's webhook as a signal. */
export function signalOfAlert(alert: AlertInput, now = new Date()): IncomingSignal {
  const labels = alert.labels;
  const annotations = alert.annotations ?? {};
  const sorted = Object.keys(labels)
    .sort()
    .map((name) => [name, labels[name]]);
  const summary =
    annotations.summary ?? annotations.description ?? labels.alertname ?? "Alert without a name";
  const endsAt = endOfAlert(alert.status, alert.endsAt, now);
  return {
    source: "ALERTMANAGER",
    fingerprint: alert.fingerprint ?? digest(JSON.stringify(sorted)),
    startsAt: new Date(alert.startsAt),
    endsAt,
    status: alert.status === "firing" ? "FIRING" : "RESOLVED",
    labels,
    summary: summary.slice(0, 500),
    url: safeUrl(alert.generatorURL),
  };
}

/** A monitoring tool's signal, posted as JSON. */
export function signalOfPost(input: GenericSignalInput, now = new Date()): IncomingSignal {
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  return {
    source: "API",
    fingerprint:
      input.fingerprint ??
      `api:${digest(`${input.product}|${input.environment}|${input.severity}|${input.summary}`)}`,
    startsAt: new Date(input.startsAt),
    endsAt,
    status: endsAt && endsAt <= now ? "RESOLVED" : "FIRING",
    labels: { product: input.product, environment: input.environment, severity: input.severity },
    summary: input.summary,
    url: input.url ?? null,
    explicit: {
      product: input.product,
      environment: input.environment,
      severity: input.severity,
    },
  };
}

const signalSelect = {
  id: true,
  source: true,
  severity: true,
  status: true,
  summary: true,
  url: true,
  startsAt: true,
  endsAt: true,
  environment: true,
  labels: true,
  unmatchedReason: true,
  receivedCount: true,
  lastReceivedAt: true,
  product: { select: { key: true, name: true } },
} satisfies Prisma.SignalSelect;

function toSignalDto(row: Prisma.SignalGetPayload<{ select: typeof signalSelect }>): SignalDto {
  return {
    ...row,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    lastReceivedAt: row.lastReceivedAt.toISOString(),
    labels: (row.labels ?? {}) as Record<string, string>,
  };
}

/** A release's signals (its observation window and rollout), newest first. */
export async function listReleaseSignals(releaseId: string): Promise<SignalDto[]> {
  const release = await getDb().release.findUnique({
    where: { id: releaseId },
    select: {
      signalLinks: {
        select: { signal: { select: signalSelect } },
        // The newest first; at the same time, the most severe (critical sorts before warning).
        orderBy: [{ signal: { startsAt: "desc" } }, { signal: { severity: "asc" } }],
      },
    },
  });
  if (!release) throw notFound();
  return release.signalLinks.map((link) => toSignalDto(link.signal));
}

/** Signals for administrators: unmatched ones first of all (to fix a mapping), newest first. */
export async function listSignals(
  actor: SessionUser,
  query: { matched?: boolean; offset: number; limit: number },
): Promise<{ items: SignalDto[]; total: number }> {
  assertCan(actor.role, "signals.review");
  const where: Prisma.SignalWhereInput =
    query.matched === undefined
      ? {}
      : query.matched
        ? { unmatchedReason: null }
        : { unmatchedReason: { not: null } };
  const [rows, total] = await Promise.all([
    getDb().signal.findMany({
      where,
      orderBy: [{ lastReceivedAt: "desc" }, { id: "desc" }],
      skip: query.offset,
      take: query.limit,
      select: signalSelect,
    }),
    getDb().signal.count({ where }),
  ]);
  return { items: rows.map(toSignalDto), total };
}

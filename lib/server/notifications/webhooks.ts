import "server-only";

// Admins add outbound webhooks (their secret sealed, never shown again), remove them, read their
// delivery log and send a test event; everyone chooses which emails they get.
import type { Prisma } from "@/generated/prisma/client";
import {
  DEFAULT_EMAIL_PREFERENCES,
  EMAIL_KINDS,
  type EmailPreferences,
} from "@/lib/domain/notifications";
import { DEFAULT_SLIP_THRESHOLD } from "@/lib/domain/watching";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import type {
  DeliveryDto,
  NotificationPreferencesDto,
  WebhookDto,
} from "@/lib/types/notifications";
import type { SessionUser } from "@/lib/types/user";
import type {
  NotificationPreferencesInput,
  WebhookCreateInput,
} from "@/lib/validation/notifications";

import { sealSecret } from "./secret-box";
import { assertPublicUrl } from "./url-guard";

const WEEK_MS = 7 * 24 * 3_600_000;

const webhookSelect = {
  id: true,
  url: true,
  events: true,
  description: true,
  isActive: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.WebhookSelect;

function notFound(): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", "There is no webhook with this id.");
}

export async function listWebhooks(actor: SessionUser): Promise<WebhookDto[]> {
  assertCan(actor.role, "settings.manage");
  const db = getDb();
  const [hooks, counts] = await Promise.all([
    db.webhook.findMany({
      where: { isActive: true },
      orderBy: { createdAt: "asc" },
      select: webhookSelect,
    }),
    db.delivery.groupBy({
      by: ["webhookId", "status"],
      where: { channel: "WEBHOOK", createdAt: { gte: new Date(Date.now() - WEEK_MS) } },
      _count: true,
    }),
  ]);
  return hooks.map((hook) => {
    const of = (status: string) =>
      counts.find((count) => count.webhookId === hook.id && count.status === status)?._count ?? 0;
    return {
      ...hook,
      createdAt: hook.createdAt.toISOString(),
      recent: { delivered: of("DELIVERED"), pending: of("PENDING"), failed: of("FAILED") },
    };
  });
}

export async function createWebhook(
  actor: SessionUser,
  input: WebhookCreateInput,
): Promise<WebhookDto> {
  assertCan(actor.role, "settings.manage");
  await assertPublicUrl(input.url);
  const db = getDb();
  const hook = await db.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        url: input.url,
        events: input.events,
        secretEncrypted: sealSecret(input.secret),
        description: input.description || null,
        createdById: actor.id,
      },
      select: webhookSelect,
    });
    await tx.auditEvent.create({
      data: {
        action: "SETTINGS_CHANGED",
        actorId: actor.id,
        comment: `Webhook to ${input.url} added`,
        after: toJsonInput({ url: input.url, events: input.events }),
      },
    });
    return created;
  });
  return {
    ...hook,
    createdAt: hook.createdAt.toISOString(),
    recent: { delivered: 0, pending: 0, failed: 0 },
  };
}

/** Switches a webhook off: nothing more is sent to it; its log stays. */
export async function deleteWebhook(actor: SessionUser, id: string): Promise<void> {
  assertCan(actor.role, "settings.manage");
  await getDb().$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id } });
    if (!hook || !hook.isActive) throw notFound();
    await tx.webhook.update({ where: { id }, data: { isActive: false } });
    await tx.auditEvent.create({
      data: {
        action: "SETTINGS_CHANGED",
        actorId: actor.id,
        comment: `Webhook to ${hook.url} removed`,
        before: toJsonInput({ url: hook.url, events: hook.events }),
      },
    });
  });
}

/** Queues a `webhook.test` delivery to this webhook alone; answers the delivery. */
export async function sendTestEvent(actor: SessionUser, id: string): Promise<DeliveryDto> {
  assertCan(actor.role, "settings.manage");
  const db = getDb();
  const hook = await db.webhook.findUnique({ where: { id } });
  if (!hook || !hook.isActive) throw notFound();
  const delivery = await db.$transaction(async (tx) => {
    const event = await tx.outboxEvent.create({
      data: { event: "webhook.test", actorId: actor.id, dispatchedAt: new Date() },
    });
    const deliveryId = crypto.randomUUID();
    return tx.delivery.create({
      data: {
        id: deliveryId,
        eventId: event.id,
        channel: "WEBHOOK",
        webhookId: id,
        payload: toJsonInput({
          id: deliveryId,
          event: "webhook.test",
          at: event.createdAt.toISOString(),
          stage: null,
          data: { message: `A test from ${actor.name}.` },
          release: null,
        })!,
      },
      include: deliveryInclude,
    });
  });
  return toDeliveryDto(delivery);
}

const deliveryInclude = {
  event: { select: { event: true, releaseId: true } },
  webhook: { select: { url: true } },
  user: { select: { name: true, email: true } },
} satisfies Prisma.DeliveryInclude;

type DeliveryRow = Prisma.DeliveryGetPayload<{ include: typeof deliveryInclude }>;

function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  const payload = row.payload as { subject?: string };
  return {
    id: row.id,
    event: row.event.event,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    to: row.webhook?.url ?? (row.user ? `${row.user.name} <${row.user.email}>` : "—"),
    subject: row.channel === "EMAIL" ? (payload.subject ?? null) : null,
    releaseId: row.event.releaseId,
  };
}

/** Which deliveries to read: `limit` after the newest `offset`. */
export type DeliverySlice = { offset: number; limit: number };
export type Deliveries = { items: DeliveryDto[]; total: number };

const NEWEST_FIRST: Prisma.DeliveryOrderByWithRelationInput[] = [
  { createdAt: "desc" },
  { id: "desc" },
];

/** A webhook's deliveries, newest first, a slice at a time (the log grows with every event). */
export async function listWebhookDeliveries(
  actor: SessionUser,
  id: string,
  slice: DeliverySlice = { offset: 0, limit: 200 },
): Promise<Deliveries> {
  assertCan(actor.role, "settings.manage");
  const found = await getDb().webhook.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound();
  return deliveriesWhere({ webhookId: id }, slice);
}

/** Emails held (no SMTP server) and deliveries that failed, newest first: what admins must see. */
export async function listUndelivered(
  actor: SessionUser,
  slice: DeliverySlice = { offset: 0, limit: 200 },
): Promise<Deliveries> {
  assertCan(actor.role, "settings.manage");
  return deliveriesWhere({ status: { in: ["HELD", "FAILED"] } }, slice);
}

/** How many emails wait for a mail server. */
export async function countHeld(actor: SessionUser): Promise<number> {
  assertCan(actor.role, "settings.manage");
  return getDb().delivery.count({ where: { status: "HELD" } });
}

async function deliveriesWhere(
  where: Prisma.DeliveryWhereInput,
  slice: DeliverySlice,
): Promise<Deliveries> {
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.delivery.findMany({
      where,
      orderBy: NEWEST_FIRST,
      skip: slice.offset,
      take: slice.limit,
      include: deliveryInclude,
    }),
    db.delivery.count({ where }),
  ]);
  return { items: rows.map(toDeliveryDto), total };
}

export async function getNotificationPreferences(
  user: SessionUser,
): Promise<NotificationPreferencesDto> {
  const row = await getDb().notificationPreference.findUnique({ where: { userId: user.id } });
  if (!row) {
    return {
      email: { ...DEFAULT_EMAIL_PREFERENCES },
      watch: { slipThresholdWorkingDays: DEFAULT_SLIP_THRESHOLD },
    };
  }
  return {
    email: Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, row[kind]])) as EmailPreferences,
    watch: { slipThresholdWorkingDays: row.slipThresholdWorkingDays },
  };
}

export async function updateNotificationPreferences(
  user: SessionUser,
  input: NotificationPreferencesInput,
): Promise<NotificationPreferencesDto> {
  const current = await getNotificationPreferences(user);
  const email = { ...current.email, ...stripUndefined(input.email ?? {}) };
  const watch = { ...current.watch, ...input.watch };
  const data = { ...email, slipThresholdWorkingDays: watch.slipThresholdWorkingDays };
  await getDb().notificationPreference.upsert({
    where: { userId: user.id },
    create: { userId: user.id, ...data },
    update: data,
  });
  return { email, watch };
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}

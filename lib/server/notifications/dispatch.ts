import "server-only";

// Fan-out: each outbox event becomes its deliveries, once, by whichever instance claims it first
// (FOR UPDATE SKIP LOCKED). Webhooks subscribed to the event get its JSON; people get an email when
// it concerns them and they want it: who may sign an opened stage is decided by the same rule as
// "My approvals" (named approvers and running delegations included).
import { randomUUID } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/domain/dates";
import { renderMarkdown } from "@/lib/domain/markdown";
import {
  DEFAULT_EMAIL_PREFERENCES,
  type EmailContext,
  emailKindOf,
  type EmailKind,
  type EmailPreferences,
  type OutboxEventName,
  renderEmail,
  watcherEmailKindOf,
} from "@/lib/domain/notifications";
import type { PlanningSettings } from "@/lib/domain/settings";
import { waitsFor } from "@/lib/domain/signoff";
import { APPROVER_ROLES } from "@/lib/domain/stages";
import { formatInstant } from "@/lib/domain/wall-clock";
import { getEnv } from "@/lib/env";
import type { DbTransaction } from "@/lib/server/db/client";
import { getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { delegatorsFor } from "@/lib/server/delegations/delegations";
import { watchersOf } from "@/lib/server/notes/watches";
import { releaseContext } from "@/lib/server/releases/release-context";
import { releaseSelect, type ReleaseRow, toReleaseDto } from "@/lib/server/releases/release-dto";
import { toReleaseState } from "@/lib/server/releases/release-state";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ReleaseDto } from "@/lib/types/release";

type OutboxRow = Prisma.OutboxEventGetPayload<object>;
type Recipient = { id: string; name: string; email: string; onBehalfOf?: string | null };

/** The app's public address for links in emails (NEXTAUTH_URL, else this server's port). */
export function publicBaseUrl(): string {
  const env = getEnv();
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

function preferencesOf(row: { notificationPreference: EmailPreferences | null }): EmailPreferences {
  return row.notificationPreference ?? DEFAULT_EMAIL_PREFERENCES;
}

const personSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  notificationPreference: true,
} as const;

/** The people a stage waits for: in their own name or for an absent colleague they stand in for. */
async function signersOf(
  tx: DbTransaction,
  row: ReleaseRow,
  stageKey: string,
  settings: PlanningSettings,
  kind: EmailKind,
): Promise<Recipient[]> {
  const today = companyToday(settings.companyTimeZone);
  const state = toReleaseState(row);
  const people = await tx.user.findMany({
    where: { isActive: true, role: { in: [...APPROVER_ROLES] } },
    select: personSelect,
  });
  const recipients: Recipient[] = [];
  for (const person of people) {
    if (!preferencesOf(person)[kind]) continue;
    const delegators = await delegatorsFor(person.id, today, tx);
    const waiting = waitsFor(state, person, settings.stageRules, delegators);
    if (waiting?.key !== stageKey) continue;
    recipients.push({ ...person, onBehalfOf: waiting.onBehalfOf?.name ?? null });
  }
  return recipients;
}

/** The release's creator and its product's owners, who hear about its rejections, risks and go-live. */
async function ownersOf(tx: DbTransaction, row: ReleaseRow, kind: EmailKind): Promise<Recipient[]> {
  const people = await tx.user.findMany({
    where: {
      isActive: true,
      OR: [{ id: row.createdById }, { ownedProducts: { some: { productId: row.productId } } }],
    },
    select: personSelect,
  });
  return people.filter((person) => preferencesOf(person)[kind]);
}

/** Gate exceptions: administrators hear of one asked for; the one who asked, of what became of it. */
async function exceptionRecipientsOf(
  tx: DbTransaction,
  event: OutboxRow,
  data: Record<string, unknown>,
): Promise<Recipient[]> {
  const change = (data.change ?? {}) as { requestedById?: unknown };
  const requester = typeof change.requestedById === "string" ? change.requestedById : null;
  if (event.event !== "exception.requested" && !requester) return [];
  const people = await tx.user.findMany({
    where:
      event.event === "exception.requested"
        ? { isActive: true, role: "ADMIN", ...(event.actorId && { NOT: { id: event.actorId } }) }
        : { isActive: true, id: requester! },
    select: personSelect,
  });
  return people.filter((person) => preferencesOf(person).gateException);
}

/** "from Sat 12 Dec 2026, 14:00 to Sun 13 Dec 2026, 02:00 (Europe/Berlin)" */
function periodOf(data: Record<string, unknown>, timeZone: string): string {
  const change = (data.change ?? {}) as { from?: unknown; to?: unknown };
  const format = (value: unknown) =>
    typeof value === "string" ? formatInstant(value, timeZone) : "?";
  return `from ${format(change.from)} to ${format(change.to)} (${timeZone})`;
}

async function recipientsOf(
  tx: DbTransaction,
  kind: EmailKind,
  row: ReleaseRow,
  stageKey: string | null,
  settings: PlanningSettings,
): Promise<Recipient[]> {
  if (kind === "approvalRequested" || kind === "overdueReminder") {
    return stageKey ? signersOf(tx, row, stageKey, settings, kind) : [];
  }
  return ownersOf(tx, row, kind);
}

async function deliveriesOf(
  tx: DbTransaction,
  event: OutboxRow,
  settings: PlanningSettings,
  webhooks: { id: string; events: string[]; createdAt: Date }[],
): Promise<Prisma.DeliveryCreateManyInput[]> {
  const row = event.releaseId
    ? await tx.release.findUnique({ where: { id: event.releaseId }, select: releaseSelect })
    : null;
  const release = row ? toReleaseDto(row, releaseContext(settings)) : null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const deliveries: Prisma.DeliveryCreateManyInput[] = [];
  // A webhook hears what happened after it was added, never what was waiting in the outbox.
  const subscribed = webhooks.filter(
    (hook) => hook.events.includes(event.event) && hook.createdAt <= event.createdAt,
  );
  for (const webhook of subscribed) {
    const id = randomUUID();
    deliveries.push({
      id,
      eventId: event.id,
      channel: "WEBHOOK",
      webhookId: webhook.id,
      payload: toJsonInput({
        id,
        event: event.event,
        at: event.createdAt.toISOString(),
        stage: event.stageKey,
        data,
        release,
      })!,
    });
  }
  if (!row || !release) return deliveries;
  const actor = event.actorId
    ? await tx.user.findUnique({ where: { id: event.actorId }, select: { name: true } })
    : null;
  const emails = await peopleEmailsOf(tx, event, row, release, settings, data, actor?.name ?? null);
  const told = new Set(emails.map((email) => email.userId));
  const watching = await watcherEmailsOf(tx, event, row, release, data, actor?.name ?? null);
  return [...deliveries, ...emails, ...watching.filter((email) => !told.has(email.userId))];
}

function emailDelivery(
  event: OutboxRow,
  kind: EmailKind,
  person: { id: string; name: string; email: string },
  rendered: ReturnType<typeof renderEmail>,
): Prisma.DeliveryCreateManyInput {
  return {
    eventId: event.id,
    channel: "EMAIL",
    userId: person.id,
    status: getEnv().SMTP_URL ? "PENDING" : "HELD",
    payload: toJsonInput({ kind, to: { name: person.name, email: person.email }, ...rendered })!,
  };
}

/** The emails of the people a release's event concerns (signers, owners, administrators). */
async function peopleEmailsOf(
  tx: DbTransaction,
  event: OutboxRow,
  row: ReleaseRow,
  release: ReleaseDto,
  settings: PlanningSettings,
  data: Record<string, unknown>,
  actorName: string | null,
): Promise<Prisma.DeliveryCreateManyInput[]> {
  const kind = emailKindOf(event.event as OutboxEventName);
  if (!kind) return [];
  const deliveries: Prisma.DeliveryCreateManyInput[] = [];
  const people =
    kind === "gateException"
      ? await exceptionRecipientsOf(tx, event, data)
      : await recipientsOf(tx, kind, row, event.stageKey, settings);
  const exception =
    kind === "gateException"
      ? {
          event: event.event.replace("exception.", "") as "requested",
          period: periodOf(data, settings.companyTimeZone),
        }
      : null;
  for (const person of people) {
    const email = renderEmail(kind, {
      recipientName: person.name,
      release,
      stage: event.stageKey,
      url: `${publicBaseUrl()}/releases/${release.id}`,
      comment: typeof data.comment === "string" ? data.comment : null,
      actorName,
      onBehalfOf: person.onBehalfOf,
      slipWorkingDays: release.slipWorkingDays,
      exception,
      signal:
        kind === "criticalSignal"
          ? {
              summary: String(data.summary ?? ""),
              url: typeof data.url === "string" ? data.url : null,
            }
          : null,
    });
    deliveries.push(emailDelivery(event, kind, person, email));
  }
  return deliveries;
}

/**
 * The emails of the people who watch the release (or its product): it shipped (with its published
 * notes), it became at risk, was held or cancelled, or its go-live moved past what they tolerate
 * (that event names the one watcher it is for).
 */
async function watcherEmailsOf(
  tx: DbTransaction,
  event: OutboxRow,
  row: ReleaseRow,
  release: ReleaseDto,
  data: Record<string, unknown>,
  actorName: string | null,
): Promise<Prisma.DeliveryCreateManyInput[]> {
  const kind = watcherEmailKindOf(event.event as OutboxEventName);
  if (!kind) return [];
  const watchers = (await watchersOf(tx, row)).filter(
    (watcher) =>
      watcher.preferences[kind] && (event.event !== "release.moved" || watcher.id === data.userId),
  );
  if (watchers.length === 0) return [];
  const notes =
    kind === "watchShipped"
      ? await tx.releaseNotes.findFirst({
          where: { releaseId: row.id, state: "PUBLISHED" },
          select: { markdown: true },
        })
      : null;
  const rendered = notes ? renderMarkdown(notes.markdown) : null;
  const moved = event.event === "release.moved";
  return watchers.map((watcher) =>
    emailDelivery(
      event,
      kind,
      watcher,
      renderEmail(kind, {
        recipientName: watcher.name,
        release: moved ? { ...release, forecastGoLive: String(data.to) as IsoDate } : release,
        url: `${publicBaseUrl()}/releases/${release.id}`,
        comment: typeof data.comment === "string" ? data.comment : null,
        actorName,
        slipWorkingDays: release.slipWorkingDays,
        notes: rendered,
        watch: {
          event: WATCH_EVENT_OF[event.event as OutboxEventName] ?? "at_risk",
          product: watcher.throughProduct,
          ...(moved && {
            from: String(data.from) as IsoDate,
            workingDays: Number(data.workingDays),
          }),
        },
      }),
    ),
  );
}

const WATCH_EVENT_OF: Partial<
  Record<OutboxEventName, NonNullable<EmailContext["watch"]>["event"]>
> = {
  "release.live": "live",
  "release.at_risk": "at_risk",
  "release.held": "held",
  "release.cancelled": "cancelled",
  "release.moved": "moved",
};

/** Turns up to `limit` undispatched events into deliveries; answers how many it took. */
export async function dispatchPending(limit = 20): Promise<number> {
  return getDb().$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT id FROM outbox_events WHERE dispatched_at IS NULL
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return 0;
      const ids = claimed.map((row) => row.id);
      const settings = await getPlanningSettings(tx);
      const [events, webhooks] = await Promise.all([
        tx.outboxEvent.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
        tx.webhook.findMany({
          where: { isActive: true },
          select: { id: true, events: true, createdAt: true },
        }),
      ]);
      for (const event of events) {
        const deliveries = await deliveriesOf(tx, event, settings, webhooks);
        if (deliveries.length > 0) await tx.delivery.createMany({ data: deliveries });
      }
      await tx.outboxEvent.updateMany({
        where: { id: { in: ids } },
        data: { dispatchedAt: new Date() },
      });
      return events.length;
    },
    { maxWait: 20_000, timeout: 60_000 },
  );
}

import "server-only";

// Fan-out: each outbox event becomes its deliveries, once, by whichever instance claims it first
// (FOR UPDATE SKIP LOCKED). Webhooks subscribed to the event get its JSON; people get an email when
// it concerns them and they want it: who may sign an opened stage is decided by the same rule as
// "My approvals" (named approvers and running delegations included).
import { randomUUID } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import {
  DEFAULT_EMAIL_PREFERENCES,
  emailKindOf,
  type EmailKind,
  type EmailPreferences,
  type OutboxEventName,
  renderEmail,
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
import { releaseContext } from "@/lib/server/releases/release-context";
import { releaseSelect, type ReleaseRow, toReleaseDto } from "@/lib/server/releases/release-dto";
import { toReleaseState } from "@/lib/server/releases/release-state";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";

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
  const kind = emailKindOf(event.event as OutboxEventName);
  if (!kind || !row || !release) return deliveries;
  const actor = event.actorId
    ? await tx.user.findUnique({ where: { id: event.actorId }, select: { name: true } })
    : null;
  const held = !getEnv().SMTP_URL;
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
      actorName: actor?.name ?? null,
      onBehalfOf: person.onBehalfOf,
      slipWorkingDays: release.slipWorkingDays,
      exception,
    });
    deliveries.push({
      eventId: event.id,
      channel: "EMAIL",
      userId: person.id,
      status: held ? "HELD" : "PENDING",
      payload: toJsonInput({ kind, to: { name: person.name, email: person.email }, ...email })!,
    });
  }
  return deliveries;
}

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

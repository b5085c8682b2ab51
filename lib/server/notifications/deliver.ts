import "server-only";

// Sending: a worker claims due deliveries for a while (a lease, so that a second instance skips
// them and a killed worker's claim runs out), sends each, and records the answer. A failure waits
// for its next attempt on the retry schedule; after the last one the delivery has failed and is
// listed for admins. Receivers see each delivery's id in a header, to ignore a repeat.
import { createHmac } from "node:crypto";

import nodemailer, { type Transporter } from "nodemailer";

import { isDelivered, retryAt } from "@/lib/domain/notifications";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/server/db/client";

import { openSecret } from "./secret-box";
import { outboundFetch } from "./url-guard";

/** How long a claim holds: longer than a webhook's time-out, so a live worker never loses one. */
const LEASE_SECONDS = 60;
export const WEBHOOK_TIMEOUT_MS = 10_000;

type Attempt = { statusCode: number | null; error: string | null };

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

async function postWebhook(
  delivery: { id: string; payload: unknown },
  webhook: { url: string; secretEncrypted: string },
): Promise<Attempt> {
  const payload = delivery.payload as { event: string };
  const body = JSON.stringify(payload);
  try {
    const response = await outboundFetch(webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "ReleaseCalendar-Webhooks/1",
        "x-release-calendar-event": payload.event,
        "x-release-calendar-delivery": delivery.id,
        "x-release-calendar-signature": signBody(openSecret(webhook.secretEncrypted), body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return {
      statusCode: response.status,
      error: isDelivered(response.status) ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      statusCode: null,
      error: /abort|timeout/i.test(reason) ? "Timed out after 10 s" : reason,
    };
  }
}

/** Whether emails can go out (SMTP_URL is set); otherwise they are held in the outbox. */
export function isMailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

let transporter: { url: string; transport: Transporter } | undefined;

function mailer(url: string): Transporter {
  if (transporter?.url !== url) transporter = { url, transport: nodemailer.createTransport(url) };
  return transporter.transport;
}

type EmailPayload = {
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
};

async function sendEmail(delivery: { id: string; payload: unknown }): Promise<Attempt> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return { statusCode: null, error: "No SMTP server configured (SMTP_URL)." };
  const email = delivery.payload as EmailPayload;
  try {
    await mailer(SMTP_URL).sendMail({
      from: MAIL_FROM,
      to: { name: email.to.name, address: email.to.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { "X-Release-Calendar-Delivery": delivery.id },
    });
    return { statusCode: 250, error: null };
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Claims up to `limit` due deliveries for this worker; each claim counts as an attempt. */
async function claimDue(limit: number): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE deliveries
       SET locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM deliveries
        WHERE status = 'PENDING' AND next_attempt_at <= now()
          AND (locked_until IS NULL OR locked_until < now())
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((row) => row.id);
}

/** Sends one claimed delivery and records how it went. */
async function deliverOne(id: string): Promise<void> {
  const db = getDb();
  const delivery = await db.delivery.findUniqueOrThrow({
    where: { id },
    include: { webhook: { select: { url: true, secretEncrypted: true, isActive: true } } },
  });
  const attempt =
    delivery.channel === "WEBHOOK"
      ? delivery.webhook?.isActive
        ? await postWebhook(delivery, delivery.webhook)
        : { statusCode: null, error: "The webhook was switched off." }
      : await sendEmail(delivery);
  const now = new Date();
  if (!attempt.error) {
    await db.delivery.update({
      where: { id },
      data: {
        status: "DELIVERED",
        deliveredAt: now,
        lastStatusCode: attempt.statusCode,
        lastError: null,
        lockedUntil: null,
      },
    });
    return;
  }
  const next = retryAt(delivery.attempts, now);
  await db.delivery.update({
    where: { id },
    data: {
      status: next ? "PENDING" : "FAILED",
      nextAttemptAt: next ?? delivery.nextAttemptAt,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error.slice(0, 2000),
      lockedUntil: null,
    },
  });
}

/** Sends what is due, up to `limit` at a time, in parallel; answers how many were tried. */
export async function deliverDue(limit = 10): Promise<number> {
  const ids = await claimDue(limit);
  await Promise.all(ids.map((id) => deliverOne(id)));
  return ids.length;
}

import type { Metadata } from "next";
import Link from "next/link";

import { DeliveryTable } from "@/components/notifications/delivery-table";
import { WebhookForm } from "@/components/notifications/webhook-form";
import { WebhookList } from "@/components/notifications/webhook-list";
import { Alert } from "@/components/ui/alert";
import { UNMATCHED_REASON_TEXT, type UnmatchedReason } from "@/lib/domain/signals";
import { formatInstant } from "@/lib/domain/wall-clock";
import {
  createWebhookAction,
  removeWebhookAction,
  testWebhookAction,
} from "@/lib/server/actions/notifications";
import { requirePermission } from "@/lib/server/auth/session";
import { listFailedPromotions } from "@/lib/server/gitops/promotions";
import { isMailConfigured } from "@/lib/server/notifications/deliver";
import {
  countHeld,
  listUndelivered,
  listWebhookDeliveries,
  listWebhooks,
} from "@/lib/server/notifications/webhooks";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { listSignals } from "@/lib/server/signals/signals";

export const metadata: Metadata = { title: "Notifications · Administration" };

/** The newest deliveries each table shows (the API pages through all of them). */
const SHOWN = 100;

export default async function NotificationsAdminPage() {
  const user = await requirePermission("settings.manage");
  const [webhooks, undelivered, held, failedPromotions, settings, unmatched] = await Promise.all([
    listWebhooks(user),
    listUndelivered(user, { offset: 0, limit: SHOWN }),
    countHeld(user),
    listFailedPromotions(SHOWN),
    getPlanningSettings(),
    listSignals(user, { matched: false, offset: 0, limit: 20 }),
  ]);
  const deliveries = Object.fromEntries(
    await Promise.all(
      webhooks.map(async (hook) => {
        const log = await listWebhookDeliveries(user, hook.id, { offset: 0, limit: SHOWN });
        return [hook.id, log.items] as const;
      }),
    ),
  );
  return (
    <div className="max-w-5xl space-y-8">
      <section aria-labelledby="email-heading" className="space-y-3">
        <h2 id="email-heading" className="text-base font-semibold text-fg">
          Email
        </h2>
        {isMailConfigured() ? (
          <p className="text-sm text-muted">
            Emails go out over the SMTP server in{" "}
            <code className="font-mono text-xs">SMTP_URL</code>; each person chooses which on their
            profile.
          </p>
        ) : (
          <Alert tone="warning" role="status">
            No mail server is configured (<code className="font-mono text-xs">SMTP_URL</code>):
            emails are kept in the outbox below and not sent
            {held > 0 ? ` (${held.toLocaleString("en-GB")} waiting)` : ""}.
          </Alert>
        )}
      </section>

      <section aria-labelledby="webhooks-heading" className="space-y-4">
        <div>
          <h2 id="webhooks-heading" className="text-base font-semibold text-fg">
            Webhooks
          </h2>
          <p className="mt-1 text-sm text-muted">
            Signed POSTs to chat tools and other systems. A failed delivery is retried (after 5 s,
            20 s, 1 min, 5 min and 15 min) before it counts as failed. Loopback and private-network
            addresses are refused.
          </p>
        </div>
        <WebhookList
          webhooks={webhooks}
          deliveries={deliveries}
          remove={removeWebhookAction}
          test={testWebhookAction}
        />
        <details className="rounded-lg border border-border bg-surface p-4">
          <summary className="cursor-pointer text-sm font-medium text-fg">Add a webhook</summary>
          <div className="mt-4">
            <WebhookForm create={createWebhookAction} />
          </div>
        </details>
      </section>

      <section aria-labelledby="undelivered-heading" className="space-y-3">
        <h2 id="undelivered-heading" className="text-base font-semibold text-fg">
          Not delivered
        </h2>
        <p className="text-sm text-muted">
          Emails held for want of a mail server, and deliveries that failed after their last
          attempt. Nothing is dropped silently.
        </p>
        {undelivered.total === 0 ? (
          <p className="text-sm text-muted">Everything was delivered.</p>
        ) : (
          <>
            <DeliveryTable deliveries={undelivered.items} label="Not delivered" />
            {undelivered.total > undelivered.items.length && (
              <p className="text-sm text-muted tabular">
                The newest {undelivered.items.length} of {undelivered.total.toLocaleString("en-GB")}
                ; all of them through <code className="font-mono text-xs">GET /api/deliveries</code>
                .
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="failed-promotions-heading" className="space-y-3">
        <h2 id="failed-promotions-heading" className="text-base font-semibold text-fg">
          Promotions that failed
        </h2>
        <p className="text-sm text-muted">
          Commits to Git the worker could not write: retried on the same schedule as deliveries;
          release managers retry them on the release page.
        </p>
        {failedPromotions.length === 0 ? (
          <p className="text-sm text-muted">No promotion failed.</p>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface text-sm shadow-xs">
            {failedPromotions.map((promotion) => (
              <li key={promotion.id} data-testid="failed-promotion" className="px-4 py-2.5">
                <p>
                  <Link
                    href={`/releases/${promotion.release.id}`}
                    className="font-medium text-accent hover:underline"
                  >
                    {promotion.release.name}
                  </Link>{" "}
                  <span className="text-muted">
                    to {promotion.environment} · {promotion.attempts}{" "}
                    {promotion.attempts === 1 ? "attempt" : "attempts"}
                    {promotion.nextAttemptAt
                      ? ` · next ${formatInstant(promotion.nextAttemptAt, settings.companyTimeZone)}`
                      : " · gave up"}
                  </span>
                </p>
                <p className="text-danger">{promotion.error}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unmatched-signals-heading" className="space-y-3">
        <h2 id="unmatched-signals-heading" className="text-base font-semibold text-fg">
          Signals no release took{" "}
          <span className="font-normal text-muted tabular">({unmatched.total})</span>
        </h2>
        <p className="text-sm text-muted">
          Alerts from the monitoring that belong to no release under observation, newest first, kept
          90 days. When one should have matched, fix how alerts name the product (
          <span className="font-mono text-xs">
            PUT /api/products/&#123;key&#125;/signal-matching
          </span>
          ).
        </p>
        {unmatched.items.length === 0 ? (
          <p className="text-sm text-muted">Every signal found its release.</p>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface text-sm shadow-xs">
            {unmatched.items.map((signal) => (
              <li
                key={signal.id}
                data-testid="unmatched-signal"
                className="space-y-0.5 px-4 py-2.5"
              >
                <p>
                  <span className="font-medium text-fg">{signal.summary}</span>{" "}
                  <span className="text-muted">
                    · {signal.severity} · {formatInstant(signal.startsAt, settings.companyTimeZone)}
                  </span>
                </p>
                <p className="text-xs text-muted">
                  <span className="font-medium text-warning">
                    {UNMATCHED_REASON_TEXT[signal.unmatchedReason as UnmatchedReason] ??
                      signal.unmatchedReason}
                  </span>{" "}
                  ·{" "}
                  <span className="font-mono">
                    {Object.entries(signal.labels)
                      .map(([name, value]) => `${name}="${value}"`)
                      .join(" ")}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

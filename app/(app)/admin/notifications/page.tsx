import type { Metadata } from "next";

import { DeliveryTable } from "@/components/notifications/delivery-table";
import { WebhookForm } from "@/components/notifications/webhook-form";
import { WebhookList } from "@/components/notifications/webhook-list";
import { Alert } from "@/components/ui/alert";
import {
  createWebhookAction,
  removeWebhookAction,
  testWebhookAction,
} from "@/lib/server/actions/notifications";
import { requirePermission } from "@/lib/server/auth/session";
import { isMailConfigured } from "@/lib/server/notifications/deliver";
import {
  countHeld,
  listUndelivered,
  listWebhookDeliveries,
  listWebhooks,
} from "@/lib/server/notifications/webhooks";

export const metadata: Metadata = { title: "Notifications · Administration" };

/** The newest deliveries each table shows (the API pages through all of them). */
const SHOWN = 100;

export default async function NotificationsAdminPage() {
  const user = await requirePermission("settings.manage");
  const [webhooks, undelivered, held] = await Promise.all([
    listWebhooks(user),
    listUndelivered(user, { offset: 0, limit: SHOWN }),
    countHeld(user),
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
    </div>
  );
}

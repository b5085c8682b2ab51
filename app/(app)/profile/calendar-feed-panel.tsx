"use client";

import { RefreshCw } from "lucide-react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { revokeFeedAction } from "@/lib/server/actions/profile";

const HOW_TO = [
  {
    app: "Outlook",
    steps: "Calendar → Add calendar → Subscribe from web → paste the address → Import.",
  },
  {
    app: "Google Calendar",
    steps:
      "Other calendars → + → From URL → paste the address → Add calendar. Google refreshes it every few hours.",
  },
  {
    app: "Apple Calendar",
    steps:
      "File → New Calendar Subscription… → paste the address → Subscribe; set Auto-refresh to every hour.",
  },
];

/** The personal feed address with copy-to-clipboard, how to subscribe, and revocation. */
export function CalendarFeedPanel({ url }: { url: string }) {
  const { run, isPending, problem } = useActionRunner();

  return (
    <section
      aria-labelledby="feed-heading"
      className="space-y-5 rounded-xl border border-border bg-surface p-6 shadow-xs"
    >
      <div>
        <h2 id="feed-heading" className="text-base font-semibold text-fg">
          Calendar feed
        </h2>
        <p className="mt-1 text-sm text-muted">
          Every stage window and go-live as all-day events in your own calendar. Re-plans update the
          events. The address is personal: anyone who has it can read the calendar.
        </p>
      </div>
      <CopyField id="feed-url" label="Feed address" value={url} />
      <dl className="grid gap-3 sm:grid-cols-3">
        {HOW_TO.map((item) => (
          <div key={item.app} className="rounded-lg bg-surface-muted p-3">
            <dt className="text-sm font-medium text-fg">{item.app}</dt>
            <dd className="mt-1 text-xs leading-relaxed text-muted">{item.steps}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
        <ConfirmDialog
          title="Revoke this feed address?"
          description="Calendars subscribed with it stop updating, and the address answers “not found”. You get a new address to subscribe with."
          confirmLabel="Revoke and create a new address"
          tone="danger"
          onConfirm={() => run(() => revokeFeedAction())}
          trigger={
            <Button variant="secondary" disabled={isPending} className="text-danger">
              <RefreshCw aria-hidden />
              Revoke address
            </Button>
          }
        />
        {problem && <FormStatus state={problem} />}
      </div>
    </section>
  );
}

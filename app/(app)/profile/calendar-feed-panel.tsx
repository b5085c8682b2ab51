import { RefreshCw } from "lucide-react";

import { CommandButton } from "@/components/ui/command-button";
import { revokeFeedAction } from "@/lib/server/actions/profile";
import type { ProductOption } from "@/lib/types/product";

import { FeedAddress } from "./feed-address";

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

/**
 * The personal feed address with copy-to-clipboard (of every product, or of the ones ticked), how
 * to subscribe, and revocation. Rendered on the server; the address chooser and Revoke are client code.
 */
export function CalendarFeedPanel({ url, products }: { url: string; products: ProductOption[] }) {
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
      <FeedAddress url={url} products={products} />
      <dl className="grid gap-3 sm:grid-cols-3">
        {HOW_TO.map((item) => (
          <div key={item.app} className="rounded-lg bg-surface-muted p-3">
            <dt className="text-sm font-medium text-fg">{item.app}</dt>
            <dd className="mt-1 text-xs leading-relaxed text-muted">{item.steps}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
        <CommandButton
          action={revokeFeedAction}
          command={undefined}
          variant="secondary-danger"
          size="md"
          confirm={{
            title: "Revoke this feed address?",
            description:
              "Calendars subscribed with it stop updating, and the address answers “not found”. You get a new address to subscribe with.",
            confirmLabel: "Revoke and create a new address",
          }}
        >
          <RefreshCw aria-hidden />
          Revoke address
        </CommandButton>
      </div>
    </section>
  );
}

"use client";

import { RefreshCw } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { revokeFeedAction } from "@/lib/server/actions/profile";
import type { ProductOption } from "@/lib/types/product";
import { cn } from "@/lib/utils";

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

/** The feed address limited to some products (`&product=a&product=b`); all of them when none. */
function withProducts(url: string, keys: readonly string[]): string {
  return keys.reduce((address, key) => `${address}&product=${encodeURIComponent(key)}`, url);
}

/**
 * The personal feed address with copy-to-clipboard (of every product, or of the ones ticked), how
 * to subscribe, and revocation.
 */
export function CalendarFeedPanel({ url, products }: { url: string; products: ProductOption[] }) {
  const { run, isPending, problem } = useActionRunner();
  const [chosen, setChosen] = useState<string[]>([]);

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
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Products in the feed</legend>
        <div className="flex flex-wrap gap-2" data-testid="feed-products">
          {products.map((product) => {
            const isChosen = chosen.includes(product.key);
            return (
              <label
                key={product.key}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-full border px-3 py-1 text-sm has-focus-visible:outline-2 has-focus-visible:outline-accent",
                  isChosen
                    ? "border-accent bg-accent-soft text-accent"
                    : "border-border-strong text-fg hover:bg-surface-muted",
                )}
              >
                <input
                  type="checkbox"
                  className="sr-only"
                  checked={isChosen}
                  onChange={(event) =>
                    setChosen((keys) =>
                      event.target.checked
                        ? [...keys, product.key]
                        : keys.filter((key) => key !== product.key),
                    )
                  }
                />
                {product.name}
              </label>
            );
          })}
        </div>
        <p className="text-xs text-muted">
          {chosen.length === 0
            ? "Nothing ticked: the feed holds every product."
            : `The feed holds ${chosen.length === 1 ? "this product" : `these ${chosen.length} products`} only.`}
        </p>
      </fieldset>
      <CopyField id="feed-url" label="Feed address" value={withProducts(url, chosen)} />
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
            <Button variant="secondary-danger" disabled={isPending}>
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

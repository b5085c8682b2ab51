import { EyeOff, Package, Rocket } from "lucide-react";
import Link from "next/link";

import { formatDisplayDate } from "@/lib/domain/dates";
import type { WatchDto } from "@/lib/types/notes";

import type { WatchAction } from "../notes/watch-button";
import { CommandButton } from "../ui/command-button";

import { Panel } from "./panel";

/** The products and releases one watches, each with a way to stop. Server-rendered. */
export function WatchesPanel({ watches, action }: { watches: WatchDto[]; action: WatchAction }) {
  return (
    <Panel
      id="watching"
      title="Watching"
      description="You hear when these ship (with their notes) and when their go-live moves, they are at risk, on hold or cancelled. Watch a product or a release from its page."
    >
      {watches.length === 0 ? (
        <p className="text-sm text-muted">You watch nothing yet.</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border">
          {watches.map((watch) => (
            <li
              key={watch.product?.key ?? watch.release!.id}
              className="flex items-center gap-3 px-3 py-2 text-sm"
            >
              {watch.kind === "product" ? (
                <Package aria-hidden className="size-4 text-muted" />
              ) : (
                <Rocket aria-hidden className="size-4 text-muted" />
              )}
              <div className="min-w-0 flex-1">
                {watch.product ? (
                  <Link
                    href={`/products/${watch.product.key}`}
                    className="font-medium hover:underline"
                  >
                    {watch.product.name}
                  </Link>
                ) : (
                  <Link
                    href={`/releases/${watch.release!.id}`}
                    className="font-medium hover:underline"
                  >
                    {watch.release!.name}{" "}
                    <span className="font-mono text-xs text-muted">{watch.release!.version}</span>
                  </Link>
                )}
                <div className="text-xs text-muted">
                  {watch.product
                    ? "Every release of the product"
                    : `Go-live ${formatDisplayDate(watch.release!.forecastGoLive)}`}
                </div>
              </div>
              <CommandButton
                action={action}
                command={
                  watch.product
                    ? { kind: "product", key: watch.product.key, watch: false }
                    : { kind: "release", id: watch.release!.id, watch: false }
                }
                variant="ghost"
              >
                <EyeOff aria-hidden />
                Stop watching
              </CommandButton>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

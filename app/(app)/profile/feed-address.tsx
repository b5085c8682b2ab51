"use client";

import { useState } from "react";

import { CopyField } from "@/components/ui/copy-field";
import type { ProductOption } from "@/lib/types/product";
import { cn } from "@/lib/utils";

/** The feed address limited to some products (`&product=a&product=b`); all of them when none. */
function withProducts(url: string, keys: readonly string[]): string {
  return keys.reduce((address, key) => `${address}&product=${encodeURIComponent(key)}`, url);
}

/** The feed address to copy, of every product or of the ones ticked. */
export function FeedAddress({ url, products }: { url: string; products: ProductOption[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <>
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
    </>
  );
}

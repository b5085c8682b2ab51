import { ChevronDown } from "lucide-react";

import type { ProductOption } from "@/lib/types/product";

/**
 * Several products to show, as checkboxes in a dropdown of the filter form (`product=a&product=b`).
 * A native <details>: it works without JavaScript and closes like any disclosure.
 */
export function ProductFilter({
  products,
  selected,
}: {
  products: ProductOption[];
  /** Comma-separated keys, as the filters carry them. */
  selected?: string;
}) {
  const chosen = new Set(selected?.split(",") ?? []);
  const names = products.filter((p) => chosen.has(p.key)).map((p) => p.name);
  const summary =
    names.length === 0
      ? "All products"
      : names.length === 1
        ? names[0]
        : `${names.length} products`;
  return (
    <details className="group relative" data-testid="product-filter">
      <summary className="flex h-9 w-48 cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-border-strong bg-surface px-3 text-sm text-fg shadow-xs hover:bg-surface-muted [&::-webkit-details-marker]:hidden">
        <span className="truncate">{summary}</span>
        <ChevronDown aria-hidden className="size-4 text-muted group-open:rotate-180" />
      </summary>
      <fieldset className="absolute z-30 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-border bg-surface p-2 shadow-lg">
        <legend className="sr-only">Products</legend>
        {products.map((product) => (
          <label
            key={product.key}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-fg hover:bg-surface-muted"
          >
            <input
              type="checkbox"
              name="product"
              value={product.key}
              defaultChecked={chosen.has(product.key)}
              className="size-4 accent-[var(--color-accent)]"
            />
            {product.name}
          </label>
        ))}
        <p className="mt-1 border-t border-border px-2 pt-2 text-xs text-muted">
          None ticked: every product. Apply to filter.
        </p>
      </fieldset>
    </details>
  );
}

// Rows grouped by product for the timeline and the environments view: groups by product name,
// rows in each keeping the order they came in (a patch stays under its release).

export type ProductKeyed = { product: { key: string; name: string } };

export type ProductGroup<T> = { product: { key: string; name: string }; items: T[] };

/**
 * Groups items by product. `followsPrevious` marks items that belong with the one before them
 * (a patch shown under its release), whatever their own product.
 */
export function groupByProduct<T extends ProductKeyed>(
  items: readonly T[],
  followsPrevious: (item: T) => boolean = () => false,
): ProductGroup<T>[] {
  const groups = new Map<string, ProductGroup<T>>();
  let last: ProductGroup<T> | undefined;
  for (const item of items) {
    if (last && followsPrevious(item)) {
      last.items.push(item);
      continue;
    }
    const group = groups.get(item.product.key) ?? { product: item.product, items: [] };
    groups.set(item.product.key, group);
    group.items.push(item);
    last = group;
  }
  return [...groups.values()].sort((a, b) => a.product.name.localeCompare(b.product.name));
}

/** Grouping a view offers, read from its address (`group=product`). */
export type Grouping = "product" | undefined;

export function readGrouping(value: unknown): Grouping {
  return value === "product" ? "product" : undefined;
}

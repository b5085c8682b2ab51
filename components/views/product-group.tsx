import { ChevronRight } from "lucide-react";

/**
 * A collapsible group of rows under a product's name (timeline, environments). A native <details>:
 * it opens and closes without JavaScript, and the bars inside leave the arrow-key order when closed.
 */
export function ProductGroupSection({
  name,
  count,
  atRisk = 0,
  unit = ["release", "releases"],
  open = true,
  children,
}: {
  name: string;
  count: number;
  atRisk?: number;
  unit?: [string, string];
  open?: boolean;
  children: React.ReactNode;
}) {
  return (
    <details open={open} data-testid="product-group" data-product={name} className="group/product">
      <summary className="relative z-10 flex cursor-pointer list-none items-center gap-2 border-b border-border bg-surface-muted px-3 py-1.5 text-sm hover:bg-border/40 [&::-webkit-details-marker]:hidden">
        <ChevronRight
          aria-hidden
          className="size-4 text-muted transition-transform group-open/product:rotate-90"
        />
        <span className="font-semibold text-fg">{name}</span>
        <span className="text-xs text-muted">
          {count} {count === 1 ? unit[0] : unit[1]}
          {atRisk > 0 && <span className="font-medium text-warning"> · {atRisk} at risk</span>}
        </span>
      </summary>
      {children}
    </details>
  );
}

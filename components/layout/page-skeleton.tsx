import { Skeleton } from "../ui/skeleton";

/**
 * What a page looks like while it loads: its title, its controls and the shape of its content (a
 * chart, a list of cards, a form or a report), so nothing jumps when the data arrives.
 */
export function PageSkeleton({
  label,
  content,
}: {
  /** Announced to screen readers, e.g. "Loading the timeline". */
  label: string;
  content: "chart" | "cards" | "form" | "report";
}) {
  return (
    <div className="space-y-5" aria-busy="true" aria-label={label} role="status">
      <div className="space-y-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {content !== "form" && <Skeleton className="h-9 w-[34rem] max-w-full" />}
      {content === "chart" && (
        <div className="overflow-hidden rounded-lg border border-border bg-surface">
          <Skeleton square className="h-14" />
          {Array.from({ length: 9 }, (_, i) => (
            <div key={i} className="flex gap-4 border-t border-border px-3 py-3">
              <Skeleton className="h-4 w-56" />
              <Skeleton className="h-4 flex-1" style={{ marginLeft: `${(i * 7) % 30}%` }} />
            </div>
          ))}
        </div>
      )}
      {content === "cards" &&
        Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-24" />)}
      {content === "form" && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Skeleton className="h-72" />
          <Skeleton className="h-72" />
        </div>
      )}
      {content === "report" && (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            <Skeleton className="h-64" />
            <Skeleton className="h-64" />
          </div>
        </>
      )}
    </div>
  );
}

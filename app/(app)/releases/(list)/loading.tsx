import { Skeleton } from "@/components/ui/skeleton";

export default function ReleasesLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading releases">
      <div className="space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <Skeleton className="h-9 w-[32rem]" />
      <div className="overflow-hidden rounded-lg border border-border bg-surface">
        <Skeleton square className="h-10" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-t border-border px-4 py-4">
            <div className="w-64 space-y-1.5">
              <Skeleton className="h-4 w-48" />
              <Skeleton className="h-3 w-32" />
            </div>
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-5 w-24 rounded-full" />
            <Skeleton className="h-5 w-28" />
            <Skeleton className="h-8 w-32" />
            <Skeleton className="h-5 w-80" />
          </div>
        ))}
      </div>
    </div>
  );
}

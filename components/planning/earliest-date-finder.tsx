"use client";

import { AlertCircle, Loader2, Search } from "lucide-react";
import { Suspense, useState } from "react";

import type { IsoDate } from "@/lib/domain/dates";
import type { PlanSearchResult } from "@/lib/types/planning";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { useApiPreview } from "../ui/use-api-preview";

// The answer loads with the first search (the button preloads it when pointed at or focused).
const searchResult = lazyIsland(() =>
  import("./plan-search-result").then((module) => module.SearchResult),
);

/** What a search starts from: the wished go-live or DEV start, and the region. */
export type SearchWish = { goLive?: IsoDate; start?: IsoDate; region: string; releaseId?: string };

/**
 * "Find the earliest free date": asks POST /api/plan/search from the wish and shows the first go-lives
 * whose whole plan fits in the environments, side by side with the wish (the conflicts it would
 * cause) and why the dates between were refused. One click takes a candidate.
 */
export function EarliestDateFinder({
  wish,
  onTake,
}: {
  /** Undefined while nothing is wished yet. */
  wish: SearchWish | undefined;
  onTake: (goLive: IsoDate) => void;
}) {
  const [asked, setAsked] = useState<SearchWish | undefined>(undefined);
  const search = useApiPreview<PlanSearchResult>(
    "/api/plan/search",
    asked && { ...asked, count: 3 },
  );
  const isCurrent = JSON.stringify(asked) === JSON.stringify(wish);
  const result = isCurrent ? search.data : undefined;

  return (
    <section aria-label="Earliest free date" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={!wish || (isCurrent && search.isLoading)}
          onPointerEnter={searchResult.preload}
          onFocus={searchResult.preload}
          onClick={() => setAsked(wish)}
        >
          {isCurrent && search.isLoading ? (
            <Loader2 aria-hidden className="animate-spin" />
          ) : (
            <Search aria-hidden />
          )}
          Find the earliest free date
        </Button>
        <p className="text-sm text-muted">
          The first go-lives on or after this one whose every stage has room in its environment.
        </p>
      </div>
      {isCurrent && search.problem && (
        <AlertBox tone="danger" icon={AlertCircle} role="alert">
          {search.problem.message}
        </AlertBox>
      )}
      {result && (
        <Suspense
          fallback={
            <p role="status" className="text-sm text-muted">
              Loading the answer…
            </p>
          }
        >
          <searchResult.Component result={result} onTake={onTake} />
        </Suspense>
      )}
    </section>
  );
}

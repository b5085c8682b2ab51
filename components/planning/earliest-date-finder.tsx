"use client";

import { AlertTriangle, CalendarCheck, Loader2, Search } from "lucide-react";
import { useState } from "react";

import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { SkipReason } from "@/lib/domain/plan-search";
import type { PlanSearchResult } from "@/lib/types/planning";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useApiPreview } from "../ui/use-api-preview";

/** What a search starts from: the wished go-live or DEV start, and the region. */
export type SearchWish = { goLive?: IsoDate; start?: IsoDate; region: string; releaseId?: string };

function slip(workingDays: number): string {
  if (workingDays === 0) return "the date you wished";
  return `${workingDays} working ${workingDays === 1 ? "day" : "days"} later`;
}

function describeSkip(reason: SkipReason): string {
  switch (reason.kind) {
    case "ENVIRONMENT_FULL":
      return `${reason.environment} full on ${formatDisplayDate(reason.day)} (${reason.releases.map((r) => r.name).join(", ")})`;
    case "FREEZE":
      return `in the freeze '${reason.name}'`;
    case "NOT_A_WORKING_DAY":
      return reason.reason;
  }
}

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
        <Alert tone="danger" role="alert">
          {search.problem.message}
        </Alert>
      )}
      {result && <SearchResult result={result} onTake={onTake} />}
    </section>
  );
}

function SearchResult({
  result,
  onTake,
}: {
  result: PlanSearchResult;
  onTake: (goLive: IsoDate) => void;
}) {
  const fits =
    result.candidates[0]?.slipWorkingDays === 0 &&
    result.candidates[0].goLive === result.wishedGoLive;
  return (
    <div className="space-y-3" data-testid="plan-search">
      <div
        className={
          fits
            ? "flex items-start gap-2 rounded-lg border border-success/30 bg-success-soft px-4 py-3 text-sm text-fg"
            : "flex items-start gap-2 rounded-lg border border-warning/30 bg-warning-soft px-4 py-3 text-sm text-fg"
        }
        data-testid="plan-search-wish"
      >
        {fits ? (
          <CalendarCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
        ) : (
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
        )}
        <p>
          <span className="font-medium">Your date, {formatDisplayDate(result.wishedGoLive)}:</span>{" "}
          {fits
            ? "every environment has room."
            : result.wish.conflicts.length > 0
              ? `${result.wish.conflicts.length} environment ${result.wish.conflicts.length === 1 ? "conflict" : "conflicts"} — ${result.wish.conflicts
                  .map(
                    (c) =>
                      `${c.environment} with ${c.releases
                        .filter((r) => r.id !== "candidate")
                        .map((r) => r.name)
                        .join(", ")}`,
                  )
                  .join("; ")}.`
              : "not a possible go-live."}
        </p>
      </div>

      {result.candidates.length === 0 ? (
        <Alert tone="warning">
          Nothing fits within the search horizon: every date was refused (see why below). Raise an
          environment&apos;s capacity, or agree the environments with the other teams.
        </Alert>
      ) : (
        <ol className="grid gap-3 sm:grid-cols-3" aria-label="Earliest free go-lives">
          {result.candidates.map((candidate) => (
            <li
              key={candidate.goLive}
              data-testid="plan-search-candidate"
              className="flex flex-col gap-2 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
            >
              <p className="text-sm font-semibold text-fg tabular">
                {formatDisplayDate(candidate.goLive)}
              </p>
              <p className="text-xs text-muted">
                {slip(candidate.slipWorkingDays)} · DEV from {formatDisplayDate(candidate.start)}
              </p>
              <Button
                type="button"
                size="sm"
                className="mt-auto self-start"
                onClick={() => onTake(candidate.goLive)}
                aria-label={`Take this date: ${formatDisplayDate(candidate.goLive)}`}
              >
                Take this date
              </Button>
            </li>
          ))}
        </ol>
      )}

      {result.skipped.some((s) => s.reasons.some((r) => r.kind !== "NOT_A_WORKING_DAY")) && (
        <details className="rounded-lg border border-border bg-surface px-4 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-fg">Why not earlier?</summary>
          <ul className="mt-2 space-y-1 pb-1 text-muted" data-testid="plan-search-skipped">
            {result.skipped.map((skipped) => (
              <li key={skipped.goLive}>
                <span className="font-medium text-fg tabular">
                  {formatDisplayDate(skipped.goLive)}
                </span>
                : {skipped.reasons.map(describeSkip).join("; ")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

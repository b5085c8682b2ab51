"use client";

import { AlertTriangle, CalendarCheck } from "lucide-react";

import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { SkipReason } from "@/lib/domain/plan-search";
import type { PlanSearchResult } from "@/lib/types/planning";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";

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
 * The answer of a search: the wish beside the earliest free go-lives (one click takes one) and why
 * the dates between were refused. Loaded with the first search, not with the page.
 */
export function SearchResult({
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
        <AlertBox tone="warning" icon={AlertTriangle}>
          Nothing fits within the search horizon: every date was refused (see why below). Raise an
          environment&apos;s capacity, or agree the environments with the other teams.
        </AlertBox>
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

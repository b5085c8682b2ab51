import { ExternalLink, GitCommitHorizontal, RotateCw } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { StageKey } from "@/lib/domain/stages";
import { formatInstant } from "@/lib/domain/wall-clock";
import type { PromotionDto } from "@/lib/types/gitops";

import { Badge } from "../ui/badge";
import { CommandButton } from "../ui/command-button";

import { PromoteForm } from "./promote-form";

const STATE = {
  WAITING: { tone: "info", label: "Waiting" },
  PUSHED: { tone: "success", label: "Pushed" },
  UNCHANGED: { tone: "neutral", label: "Already in place" },
  FAILED: { tone: "danger", label: "Failed" },
  DEPLOYED: { tone: "success", label: "Deployed" },
} as const;

/** "12 min", "3 h 5 min": how long from the commit to the deployment report. */
function took(from: string, to: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

/**
 * The release's promotions through Git: what was written where (the commit, linked where the forge
 * is known), what failed and why, when the environment reported the deployment; release managers
 * promote by hand and retry failed ones. Rendered on the server; only the two buttons are client code.
 */
export function PromotionsPanel({
  releaseId,
  promotions,
  environments,
  timeZone,
  actions,
}: {
  releaseId: string;
  promotions: PromotionDto[];
  /** The environments the product's GitOps target configures. */
  environments: StageKey[];
  timeZone: string;
  /** Present for release managers. */
  actions?: {
    promote: (raw: { releaseId: string; environment: StageKey }) => Promise<ActionState>;
    retry: (raw: { promotionId: string; releaseId: string }) => Promise<ActionState>;
  };
}) {
  return (
    <section aria-labelledby="promotions-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="promotions-heading" className="text-base font-semibold text-fg">
            Promotions <span className="font-normal text-muted">({promotions.length})</span>
          </h2>
          <p className="text-sm text-muted">
            Each sign-off commits this release&apos;s artifact into the next environment&apos;s file
            in Git ({environments.join(", ")}); Argo CD deploys it and reports back.
          </p>
        </div>
        {actions && environments.length > 0 && (
          <PromoteForm
            releaseId={releaseId}
            environments={environments}
            promote={actions.promote}
          />
        )}
      </div>
      {promotions.length === 0 ? (
        <p className="text-sm text-muted">No promotion yet: the next sign-off makes one.</p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface shadow-xs">
          {promotions.map((promotion) => (
            <li
              key={promotion.id}
              data-testid="promotion"
              data-state={promotion.state}
              className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm"
            >
              <div className="min-w-0 space-y-0.5">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-fg">{promotion.environment}</span>
                  <Badge tone={STATE[promotion.state].tone}>{STATE[promotion.state].label}</Badge>
                  {promotion.commit && (
                    <span className="inline-flex items-center gap-1 font-mono text-xs text-fg">
                      <GitCommitHorizontal aria-hidden className="size-3.5 text-muted" />
                      {promotion.commitUrl ? (
                        <a
                          href={promotion.commitUrl}
                          className="text-accent hover:underline"
                          rel="noreferrer"
                          target="_blank"
                        >
                          {promotion.commit.slice(0, 10)}
                          <ExternalLink aria-hidden className="ml-0.5 inline size-3" />
                        </a>
                      ) : (
                        promotion.commit.slice(0, 10)
                      )}
                    </span>
                  )}
                </p>
                <p className="text-muted">
                  {promotion.requestedBy
                    ? `Promoted by ${promotion.requestedBy.name}`
                    : "After the sign-off"}
                  {promotion.pushedAt &&
                    ` · written ${formatInstant(promotion.pushedAt, timeZone)}`}
                  {promotion.deployedAt &&
                    promotion.pushedAt &&
                    ` · deployed ${took(promotion.pushedAt, promotion.deployedAt)} later`}
                  {promotion.attempts > 1 && ` · ${promotion.attempts} attempts`}
                </p>
                {promotion.error && (
                  <p className="text-danger">
                    {promotion.error}
                    {promotion.nextAttemptAt &&
                      ` — tried again ${formatInstant(promotion.nextAttemptAt, timeZone)}`}
                  </p>
                )}
              </div>
              {actions && promotion.state === "FAILED" && (
                <CommandButton
                  action={actions.retry}
                  command={{ promotionId: promotion.id, releaseId }}
                >
                  <RotateCw aria-hidden />
                  Retry
                </CommandButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

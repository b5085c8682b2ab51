"use client";

import { GitCommitHorizontal } from "lucide-react";
import { useEffect, useState } from "react";

import { fetchJson } from "@/lib/client/fetch-json";
import { PROMOTION_STATE_WORDS } from "@/lib/domain/promotion";
import type { StageKey } from "@/lib/domain/stages";
import type { PromotionDto } from "@/lib/types/gitops";

/** The latest promotion of the release into this stage's environment, if there is one. */
export function StagePromotion({
  releaseId,
  environment,
}: {
  releaseId: string;
  environment: StageKey;
}) {
  const [promotion, setPromotion] = useState<PromotionDto | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchJson<PromotionDto[]>(`/api/releases/${releaseId}/promotions`, {
      signal: controller.signal,
    })
      .then((result) => {
        if (result.ok)
          setPromotion(result.data.find((each) => each.environment === environment) ?? null);
      })
      .catch(() => undefined); // aborted
    return () => controller.abort();
  }, [releaseId, environment]);
  if (!promotion) return null;
  return (
    <p data-testid="stage-promotion" className="flex flex-wrap items-center gap-1.5 text-sm">
      <GitCommitHorizontal aria-hidden className="size-4 text-muted" />
      <span className="text-muted">Promotion to {environment}:</span>{" "}
      <span
        className={promotion.state === "FAILED" ? "font-medium text-danger" : "font-medium text-fg"}
      >
        {PROMOTION_STATE_WORDS[promotion.state]}
      </span>{" "}
      {promotion.commit && (
        <span className="font-mono text-xs">{promotion.commit.slice(0, 10)}</span>
      )}
      {promotion.error && <span className="basis-full text-danger">{promotion.error}</span>}
    </p>
  );
}

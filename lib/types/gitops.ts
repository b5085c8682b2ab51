import type { PromotionValue } from "@/lib/domain/promotion";
import type { StageKey } from "@/lib/domain/stages";

export type EnvironmentTarget = { file: string; set: { key: string; value: PromotionValue }[] };

/** GET /api/products/{key}/gitops (never the token: `hasToken` says whether one is kept). */
export type GitopsTargetDto = {
  product: { key: string; name: string };
  repository: string;
  branch: string;
  username: string | null;
  hasToken: boolean;
  author: { name: string; email: string };
  environments: Partial<Record<StageKey, EnvironmentTarget>>;
  updatedAt: string;
};

/** POST /api/products/{key}/gitops/test. */
export type GitopsTestResult = { ok: boolean; head: string | null; message: string };

export type PromotionState = "WAITING" | "PUSHED" | "UNCHANGED" | "FAILED" | "DEPLOYED";

/** A release's promotion to an environment. */
export type PromotionDto = {
  id: string;
  environment: StageKey;
  state: PromotionState;
  commit: string | null;
  commitUrl: string | null;
  error: string | null;
  attempts: number;
  /** When it last changed. */
  at: string;
  /** When the worker tries it (again); null when nothing more is to be done. */
  nextAttemptAt: string | null;
  pushedAt: string | null;
  deployedAt: string | null;
  requestedBy: { id: string; name: string } | null;
  createdAt: string;
};

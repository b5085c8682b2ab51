"use client";

import { AlertCircle, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { ActionState } from "@/lib/action-state";
import { formatDisplayDate } from "@/lib/domain/dates";
import type { SkipReason } from "@/lib/domain/plan-search";
import { MAX_TRAIN_BATCH } from "@/lib/domain/train-batch";
import type { TrainPreviewItem } from "@/lib/types/product";

import { AlertBox } from "../ui/alert-box";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import type { DialogBodyProps } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { useToast } from "../ui/toaster";
import { useApiPreview } from "../ui/use-api-preview";

export type PlanTrain = (command: { key: string; count: number }) => Promise<ActionState>;

function why(reasons: readonly SkipReason[]): string {
  return reasons
    .map((reason) =>
      reason.kind === "ENVIRONMENT_FULL"
        ? `${reason.environment} full (${reason.releases.map((r) => r.name).join(", ")})`
        : reason.kind === "FREEZE"
          ? `freeze '${reason.name}'`
          : reason.reason,
    )
    .join("; ");
}

export type TrainPlanFormProps = { productKey: string; plan: PlanTrain };

/** The train dialog's body (how many, the preview, create), loaded when the dialog first opens. */
export function TrainPlanForm({ productKey, plan, close }: TrainPlanFormProps & DialogBodyProps) {
  const router = useRouter();
  const toast = useToast();
  const [count, setCount] = useState("6");
  const [problem, setProblem] = useState<ActionState | null>(null);
  const [isCreating, startCreating] = useTransition();
  const asked = Number(count);
  const isValid = Number.isInteger(asked) && asked >= 1 && asked <= MAX_TRAIN_BATCH;
  const preview = useApiPreview<TrainPreviewItem[]>(
    `/api/products/${productKey}/train/preview`,
    isValid ? { count: asked } : undefined,
    { delayMs: 250 },
  );
  const items = preview.data ?? [];
  const impossible = items.some((item) => item.goLive === null);

  function create() {
    setProblem(null);
    startCreating(async () => {
      const result = await plan({ key: productKey, count: asked });
      if (result.status === "success") {
        toast({ message: result.message ?? "Planned." });
        close();
        router.refresh();
      } else setProblem(result);
    });
  }

  return (
    <div className="space-y-4">
      <TextField
        id="train-count"
        label="How many"
        type="number"
        min={1}
        max={MAX_TRAIN_BATCH}
        value={count}
        onChange={(event) => setCount(event.target.value)}
        inputClassName="w-24"
        error={isValid ? undefined : `Plan 1 to ${MAX_TRAIN_BATCH} releases at once.`}
      />
      {preview.isLoading && (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Loader2 aria-hidden className="size-4 animate-spin" /> Planning…
        </p>
      )}
      {preview.problem && (
        <AlertBox tone="danger" icon={AlertCircle} role="alert">
          {preview.problem.message}
        </AlertBox>
      )}
      {items.length > 0 && (
        <ol
          className="divide-y divide-border rounded-lg border border-border"
          aria-label="Releases to create"
        >
          {items.map((item) => (
            <li
              key={item.trainDate}
              className="space-y-0.5 px-3 py-2 text-sm"
              data-testid="train-item"
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-fg">{item.name}</span>
                <span className="font-mono text-xs text-muted">{item.version}</span>
              </p>
              <p className="text-muted tabular">
                {item.goLive === null ? (
                  <span className="text-danger">
                    No free go-live within a year of {formatDisplayDate(item.trainDate)}
                  </span>
                ) : item.goLive === item.trainDate ? (
                  <>Go-live {formatDisplayDate(item.goLive)}, on its train date</>
                ) : (
                  <>
                    Go-live {formatDisplayDate(item.goLive)}{" "}
                    <Badge tone="warning">+{item.slipWorkingDays} wd</Badge> instead of{" "}
                    {formatDisplayDate(item.trainDate)}: {why(item.reasons)}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {items.length === 0 && preview.data && (
        <p className="text-sm text-muted">The train has no more dates.</p>
      )}
      {problem && <FormStatus state={problem} />}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button
          type="button"
          onClick={create}
          disabled={!isValid || items.length === 0 || impossible || preview.isLoading || isCreating}
        >
          {isCreating && <Loader2 aria-hidden className="animate-spin" />}
          Create {items.length || asked} {items.length === 1 ? "release" : "releases"}
        </Button>
      </div>
    </div>
  );
}

import { TrainFront } from "lucide-react";

import type { ProductState } from "@/lib/action-state";
import type { ActionState } from "@/lib/action-state";
import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { Region } from "@/lib/domain/holidays";
import type { TrainDto } from "@/lib/types/product";

import { TrainDialog } from "./train-dialog";
import { type PlanTrain, TrainPlanDialog } from "./train-plan-dialog";
import { TrainRemoveButton } from "./train-remove-button";

/** A product's release train: its cadence in words, its coming dates, and what the viewer may do. */
export function TrainSection({
  product,
  train,
  mayKeep,
  mayRun,
  regions,
  defaultRegion,
  today,
  actions,
}: {
  product: { key: string; name: string };
  train: TrainDto | null;
  /** Owners and administrators set up, change and remove the train. */
  mayKeep: boolean;
  /** Release managers plan releases from it. */
  mayRun: boolean;
  regions: Region[];
  defaultRegion: string;
  today: IsoDate;
  actions: {
    save: (previous: ProductState, form: FormData) => Promise<ProductState>;
    remove: (command: { key: string }) => Promise<ActionState>;
    plan: PlanTrain;
  };
}) {
  return (
    <section aria-labelledby="train-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="train-heading" className="flex items-center gap-2 text-base font-semibold text-fg">
          <TrainFront aria-hidden className="size-4 text-muted" />
          Release train
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {train && mayRun && <TrainPlanDialog productKey={product.key} plan={actions.plan} />}
          {mayKeep && (
            <TrainDialog
              productKey={product.key}
              productName={product.name}
              train={train}
              regions={regions}
              defaultRegion={defaultRegion}
              today={today}
              save={actions.save}
            />
          )}
          {train && mayKeep && (
            <TrainRemoveButton productKey={product.key} remove={actions.remove} />
          )}
        </div>
      </div>
      {train ? (
        <div
          className="space-y-3 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
          data-testid="train"
        >
          <p className="text-sm text-fg">
            <span className="font-medium first-letter:uppercase">{train.description}</span>, from{" "}
            {formatDisplayDate(train.firstGoLive)} · named{" "}
            <span className="font-mono text-xs">{train.namePattern}</span> · {train.region}
          </p>
          {train.nextDates.length > 0 ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted">Next train dates:</span>
              <ul className="flex flex-wrap gap-1.5" aria-label="Next train dates">
                {train.nextDates.map((date) => (
                  <li
                    key={date}
                    className="rounded-md bg-surface-muted px-2 py-0.5 text-xs text-fg tabular"
                  >
                    {formatDisplayDate(date)}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-muted">The cadence has no more dates.</p>
          )}
        </div>
      ) : (
        <p className="text-sm text-muted">
          No release train. A train plans this product&apos;s releases on a cadence — every four
          weeks on a Tuesday, say — each on the earliest date that has room in every environment.
          {!mayKeep && " Administrators and the product's owners set one up."}
        </p>
      )}
    </section>
  );
}

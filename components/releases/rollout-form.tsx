"use client";

import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";

import type { ActionState } from "@/lib/action-state";
import {
  ROLLOUT_STRATEGIES,
  type RolloutStepPlan,
  type RolloutStrategy,
  STRATEGY_NAMES,
} from "@/lib/domain/rollout";
import type { RolloutDto } from "@/lib/types/release";

import { Button } from "../ui/button";
import { DialogActions } from "../ui/dialog-actions";
import { FormStatus } from "../ui/form-status";
import { Input, Label, Select } from "../ui/input";
import type { DialogBodyProps } from "../ui/modal";
import { SegmentedControl } from "../ui/segmented-control";
import { useActionRunner } from "../ui/use-action-runner";

export type PlanRollout = (command: {
  releaseId: string;
  plan: { strategy: RolloutStrategy; steps: RolloutStepPlan[]; flags: string[] };
}) => Promise<ActionState>;

type Row = { date: string; percent: string; label: string };

const EXPLAIN: Record<RolloutStrategy, string> = {
  BIG_BANG: "Everyone gets the release on the go-live day.",
  STAGGERED: "Waves on working days after the go-live, each reaching a larger share of users.",
  CANARY: "A small share first, growing step by step with observation in between.",
  DARK_LAUNCH: "Deployed with feature flags off; each flag is switched on on its own day.",
};

function rowsOf(steps: readonly RolloutStepPlan[]): Row[] {
  return steps.map((step) => ({
    date: step.date,
    percent: step.percent ? String(step.percent) : "",
    label: step.label ?? "",
  }));
}

export type RolloutFormProps = {
  releaseId: string;
  goLive: string;
  rollout: RolloutDto;
  /** A first draft of each strategy's steps, from the go-live. */
  drafts: Record<RolloutStrategy, RolloutStepPlan[]>;
  save: PlanRollout;
};

/** The rollout dialog's form, loaded when the dialog first opens (afresh from the saved plan each time). */
export function RolloutForm({
  releaseId,
  goLive,
  rollout,
  drafts,
  save,
  close,
}: RolloutFormProps & DialogBodyProps) {
  const [strategy, setStrategy] = useState<RolloutStrategy>(rollout.strategy);
  const [rows, setRows] = useState<Row[]>(rowsOf(rollout.steps));
  const [flags, setFlags] = useState(rollout.flags.join(", "));
  const { run, isPending, problem } = useActionRunner(close);

  function choose(next: RolloutStrategy) {
    setStrategy(next);
    if (next !== rollout.strategy || rollout.steps.length === 0) setRows(rowsOf(drafts[next]));
    else setRows(rowsOf(rollout.steps));
  }
  function update(index: number, change: Partial<Row>) {
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }
  const flagList = flags
    .split(",")
    .map((flag) => flag.trim())
    .filter(Boolean);

  function submit() {
    run(() =>
      save({
        releaseId,
        plan: {
          strategy,
          flags: strategy === "DARK_LAUNCH" ? flagList : [],
          steps:
            strategy === "BIG_BANG"
              ? []
              : rows.map((row) => ({
                  date: row.date,
                  percent: row.percent ? Number(row.percent) : null,
                  label: row.label.trim() || null,
                })),
        },
      }),
    );
  }

  return (
    <div className="space-y-4">
      <SegmentedControl
        label="Strategy"
        value={strategy}
        onChange={choose}
        options={ROLLOUT_STRATEGIES.map((value) => ({ value, label: STRATEGY_NAMES[value] }))}
        fullWidth
      />
      <p className="text-sm text-muted">{EXPLAIN[strategy]}</p>
      {strategy === "DARK_LAUNCH" && (
        <div className="space-y-1.5">
          <Label htmlFor="rollout-flags">Feature flags (comma-separated)</Label>
          <Input
            id="rollout-flags"
            value={flags}
            onChange={(event) => setFlags(event.target.value)}
            placeholder="new-checkout, wallets"
            className="font-mono"
          />
        </div>
      )}
      {strategy !== "BIG_BANG" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-fg">Steps</legend>
          <ol className="space-y-2">
            {rows.map((row, index) => (
              <li key={index} className="flex items-end gap-2" data-testid="rollout-row">
                <span className="w-6 pb-2 text-sm text-muted tabular">{index + 1}.</span>
                <div className="space-y-1">
                  <Label htmlFor={`step-date-${index}`}>Day</Label>
                  <Input
                    id={`step-date-${index}`}
                    type="date"
                    min={goLive}
                    value={row.date}
                    onChange={(event) => update(index, { date: event.target.value })}
                    className="w-40 tabular"
                  />
                </div>
                {strategy === "DARK_LAUNCH" ? (
                  <div className="flex-1 space-y-1">
                    <Label htmlFor={`step-label-${index}`}>Flag switched on</Label>
                    <Select
                      id={`step-label-${index}`}
                      value={row.label}
                      onChange={(event) => update(index, { label: event.target.value })}
                    >
                      <option value="">Choose…</option>
                      {flagList.map((flag) => (
                        <option key={flag} value={flag}>
                          {flag}
                        </option>
                      ))}
                    </Select>
                  </div>
                ) : (
                  <>
                    <div className="space-y-1">
                      <Label htmlFor={`step-percent-${index}`}>Users %</Label>
                      <Input
                        id={`step-percent-${index}`}
                        type="number"
                        min={1}
                        max={100}
                        value={row.percent}
                        onChange={(event) => update(index, { percent: event.target.value })}
                        className="w-20 tabular"
                      />
                    </div>
                    <div className="flex-1 space-y-1">
                      <Label htmlFor={`step-label-${index}`}>Label (optional)</Label>
                      <Input
                        id={`step-label-${index}`}
                        value={row.label}
                        maxLength={120}
                        onChange={(event) => update(index, { label: event.target.value })}
                        placeholder="e.g. EU region"
                      />
                    </div>
                  </>
                )}
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove step ${index + 1}`}
                  onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                >
                  <Trash2 aria-hidden />
                </Button>
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              setRows((all) => [
                ...all,
                { date: all.at(-1)?.date ?? goLive, percent: "", label: "" },
              ])
            }
          >
            <Plus aria-hidden />
            Add step
          </Button>
        </fieldset>
      )}
      {problem && <FormStatus state={problem} />}
      <DialogActions
        onCancel={close}
        label="Save rollout"
        isPending={isPending}
        onConfirm={submit}
      />
    </div>
  );
}

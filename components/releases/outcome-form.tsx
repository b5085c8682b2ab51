"use client";

import { BellRing } from "lucide-react";
import { useState } from "react";

import { type ActionState, submitted } from "@/lib/action-state";
import { OUTCOME_NAMES, RELEASE_OUTCOMES, type ReleaseOutcome } from "@/lib/domain/after-go-live";
import type { IsoDate } from "@/lib/domain/dates";
import { outcomeSuggestion, type SignalCounts } from "@/lib/domain/signals";
import type { PatchSummary } from "@/lib/types/release";
import { cn } from "@/lib/utils";

import { DialogActions } from "../ui/dialog-actions";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import type { DialogBodyProps } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { Textarea } from "../ui/textarea";
import { useSavingForm } from "../ui/use-dialog-form";

const HINTS: Record<ReleaseOutcome, string> = {
  KEPT: "Production confirmed it: it stays.",
  ROLLED_BACK: "Production went back to an earlier version.",
  ROLLED_FORWARD: "A patch of this release fixed it.",
};

export type OutcomeFormProps = {
  releaseId: string;
  /** The outcome recorded so far, to correct it. */
  current: ReleaseOutcome | null;
  patches: PatchSummary[];
  today: IsoDate;
  /** What the monitoring saw during the observation: the dialog suggests from it. */
  signals?: SignalCounts;
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
};

/** The outcome dialog's form, loaded when the dialog first opens. */
export function OutcomeForm({
  releaseId,
  current,
  patches,
  today,
  signals,
  save,
  close,
}: OutcomeFormProps & DialogBodyProps) {
  const suggestion = signals ? outcomeSuggestion(signals) : null;
  const isSuggested = (value: ReleaseOutcome) =>
    suggestion?.suggests === "KEEP"
      ? value === "KEPT"
      : suggestion?.suggests === "ROLL_BACK_OR_FORWARD" && value !== "KEPT";
  const [outcome, setOutcome] = useState<ReleaseOutcome>(current ?? "KEPT");
  const { state, action, isPending, error } = useSavingForm(save, close);
  return (
    <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
      <input type="hidden" name="releaseId" value={releaseId} />
      {suggestion && (
        <p
          data-testid="outcome-suggestion"
          className={cn(
            "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
            suggestion.suggests === "KEEP"
              ? "border-success/25 bg-success-soft text-success"
              : suggestion.suggests === "LOOK_CLOSER"
                ? "border-warning/25 bg-warning-soft text-warning"
                : "border-danger/25 bg-danger-soft text-danger",
          )}
        >
          <BellRing aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {suggestion.text} <span className="text-fg">You decide; the signals only suggest.</span>
          </span>
        </p>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Outcome</legend>
        {RELEASE_OUTCOMES.map((value) => (
          <label
            key={value}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm has-focus-visible:outline-2 has-focus-visible:outline-accent",
              outcome === value ? "border-accent bg-accent-soft" : "border-border-strong",
            )}
          >
            <input
              type="radio"
              name="outcome"
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
              className="mt-0.5 accent-[var(--color-accent)]"
            />
            <span>
              <span className="flex items-center gap-2 font-medium text-fg">
                {OUTCOME_NAMES[value]}
                {isSuggested(value) && (
                  <span className="rounded-sm bg-surface px-1.5 py-0.5 text-[0.6875rem] font-medium text-muted ring-1 ring-border">
                    {suggestion?.suggests === "KEEP" ? "no alert" : "signals suggest"}
                  </span>
                )}
              </span>
              <span className="block text-xs text-muted">{HINTS[value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {outcome === "ROLLED_BACK" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="rolled-back-to"
            label="Back to version"
            name="rolledBackTo"
            required
            maxLength={128}
            inputClassName="font-mono"
            placeholder="e.g. payments-api:3.3.0"
            defaultValue={submitted(state, "rolledBackTo", "")}
            error={error("rolledBackTo")}
          />
          <TextField
            id="restored-on"
            label="Service restored on"
            name="restoredOn"
            type="date"
            max={today}
            defaultValue={submitted(state, "restoredOn", today)}
            error={error("restoredOn")}
          />
        </div>
      )}
      {outcome === "ROLLED_FORWARD" && (
        <Field
          id="outcome-patch"
          label="Fixed by patch"
          description={
            patches.length === 0
              ? "This release has no patch yet: plan the patch first (Add patch), then record it here."
              : "Time to restore counts until the patch goes live."
          }
          error={error("patchId")}
        >
          {(control) => (
            <Select {...control} name="patchId" defaultValue={submitted(state, "patchId", "")}>
              <option value="">Choose the patch…</option>
              {patches.map((patch) => (
                <option key={patch.id} value={patch.id}>
                  {patch.name} ({patch.version})
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field id="outcome-comment" label="What production showed" error={error("comment")}>
        {(control) => (
          <Textarea
            {...control}
            name="comment"
            rows={3}
            maxLength={2000}
            required
            defaultValue={submitted(state, "comment", "")}
          />
        )}
      </Field>
      {state.status === "error" && <FormStatus state={state} />}
      <DialogActions onCancel={close} label="Record outcome" isPending={isPending} />
    </form>
  );
}

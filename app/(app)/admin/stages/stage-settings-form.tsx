"use client";

import { Loader2 } from "lucide-react";
import { useActionState, useState } from "react";

import { StageChip } from "@/components/releases/stage-chip";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { IDLE, submitted, submittedChecked } from "@/lib/action-state";
import {
  APPROVER_ROLES,
  ROLE_NAMES,
  STAGE_KEYS,
  STAGE_NAMES,
  type StageDurations,
  type StageKey,
  type StageRule,
} from "@/lib/domain/stages";
import { saveStageSettings } from "@/lib/server/actions/settings";

type Props = { durations: StageDurations; rules: Record<StageKey, StageRule> };

/** Durations, required approvals and approver roles per stage, with the window length live. */
export function StageSettingsForm({ durations, rules }: Props) {
  const [state, action, isPending] = useActionState(saveStageSettings, IDLE);
  const [days, setDays] = useState<Record<StageKey, string>>(
    Object.fromEntries(STAGE_KEYS.map((key) => [key, String(durations[key])])) as Record<
      StageKey,
      string
    >,
  );
  const parsed = STAGE_KEYS.map((key) => Number(days[key]));
  const isValid = parsed.every((value) => Number.isInteger(value) && value >= 1 && value <= 60);
  const total = parsed.reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
  const errorOf = (index: number, field: string) => state.fieldErrors?.[`stages.${index}.${field}`];

  return (
    <form action={action} noValidate className="space-y-5" key={state.at ?? "form"}>
      <div className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
        <table className="w-full text-sm">
          <caption className="sr-only">Settings per stage</caption>
          <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-semibold tracking-wide text-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5">
                Stage
              </th>
              <th scope="col" className="px-4 py-2.5">
                Working days
              </th>
              <th scope="col" className="px-4 py-2.5">
                Approvals needed
              </th>
              <th scope="col" className="px-4 py-2.5">
                Who may sign off
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {STAGE_KEYS.map((key, index) => (
              <tr key={key}>
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  <span className="flex items-center gap-3">
                    <StageChip stageKey={key} status="SIGNED_OFF" size="md" />
                    {STAGE_NAMES[key]}
                  </span>
                </th>
                <td className="px-4 py-3 align-top">
                  <Input
                    name={`${key}.workingDays`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={60}
                    required
                    aria-label={`${STAGE_NAMES[key]}: working days`}
                    value={days[key]}
                    onChange={(event) => setDays({ ...days, [key]: event.target.value })}
                    aria-invalid={
                      Boolean(errorOf(index, "workingDays")) || !(Number(days[key]) >= 1)
                    }
                    className="w-24"
                  />
                  {errorOf(index, "workingDays") && (
                    <p className="mt-1 text-xs text-danger">{errorOf(index, "workingDays")}</p>
                  )}
                </td>
                <td className="px-4 py-3 align-top">
                  <Input
                    name={`${key}.approvalsRequired`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={10}
                    required
                    aria-label={`${STAGE_NAMES[key]}: approvals needed`}
                    defaultValue={submitted(
                      state,
                      `${key}.approvalsRequired`,
                      String(rules[key].approvalsRequired),
                    )}
                    className="w-24"
                  />
                  {errorOf(index, "approvalsRequired") && (
                    <p className="mt-1 text-xs text-danger">
                      {errorOf(index, "approvalsRequired")}
                    </p>
                  )}
                </td>
                <td className="px-4 py-3 align-top">
                  <fieldset className="flex flex-wrap gap-x-4 gap-y-1.5 pt-2">
                    <legend className="sr-only">{STAGE_NAMES[key]}: who may sign off</legend>
                    {APPROVER_ROLES.map((role) => (
                      <label key={role} className="inline-flex items-center gap-1.5">
                        <input
                          type="checkbox"
                          name={`${key}.allowedRoles`}
                          value={role}
                          defaultChecked={submittedChecked(
                            state,
                            `${key}.allowedRoles`,
                            role,
                            rules[key].allowedRoles.includes(role),
                          )}
                          className="size-4 accent-(--color-accent)"
                        />
                        {ROLE_NAMES[role]}
                      </label>
                    ))}
                  </fieldset>
                  {errorOf(index, "allowedRoles") && (
                    <p className="mt-1 text-xs text-danger">{errorOf(index, "allowedRoles")}</p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-4">
        <p aria-live="polite" className="text-sm" data-testid="window-total">
          {isValid ? (
            <>
              Window:{" "}
              <strong className="font-semibold text-fg tabular">{total} working days</strong>{" "}
              <span className="text-muted">
                from the first DEV day to the go-live, both counted.
              </span>
            </>
          ) : (
            <span className="text-danger">
              Every stage needs a whole number of working days between 1 and 60 — no stage may be
              skipped — so the window cannot be computed yet.
            </span>
          )}
        </p>
        <Button type="submit" disabled={isPending || !isValid}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save stage settings
        </Button>
      </div>
      <FormStatus state={state} />
      <p className="text-xs text-muted">
        Changes apply to new plans and re-plans. Stages already planned keep their durations and
        approvals. Admins sign off only where the Admin role is ticked.
      </p>
    </form>
  );
}

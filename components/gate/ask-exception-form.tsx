"use client";

import { type ActionState, submitted } from "@/lib/action-state";
import type { IsoDate } from "@/lib/domain/dates";
import { STAGE_KEYS, STAGE_NAMES, type StageKey } from "@/lib/domain/stages";

import { DialogFormFooter } from "../ui/dialog-actions";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import type { DialogBodyProps } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { Textarea } from "../ui/textarea";
import { useRefreshingForm } from "../ui/use-dialog-form";

export type AskExceptionFormProps = {
  releaseId: string;
  environment: StageKey;
  today: IsoDate;
  nextStart: { day: IsoDate; time: string };
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
};

/** The exception dialog's form, loaded when the dialog first opens. */
export function AskExceptionForm({
  releaseId,
  environment,
  today,
  nextStart,
  save,
  close,
}: AskExceptionFormProps & DialogBodyProps) {
  const { state, action, isPending, error } = useRefreshingForm(save, close);
  return (
    <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
      <input type="hidden" name="releaseId" value={releaseId} />
      <Field id="exception-environment" label="Environment" error={error("environment")}>
        {(control) => (
          <Select
            {...control}
            name="environment"
            defaultValue={submitted(state, "environment", environment)}
          >
            {STAGE_KEYS.map((key) => (
              <option key={key} value={key}>
                {key} — {STAGE_NAMES[key]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid grid-cols-3 gap-3">
        <TextField
          id="exception-day"
          label="From (day)"
          name="day"
          type="date"
          min={today}
          required
          defaultValue={submitted(state, "day", nextStart.day)}
          error={error("day")}
        />
        <TextField
          id="exception-time"
          label="Time"
          name="time"
          type="time"
          required
          defaultValue={submitted(state, "time", nextStart.time)}
          error={error("time")}
        />
        <TextField
          id="exception-hours"
          label="Hours"
          name="hours"
          type="number"
          min={1}
          max={72}
          required
          defaultValue={submitted(state, "hours", "4")}
          error={error("hours") ?? error("to")}
        />
      </div>
      <Field
        id="exception-reason"
        label="Reason"
        description="The incident or change it is for: the approver and the audit trail read it."
        error={error("reason")}
      >
        {(control) => (
          <Textarea
            {...control}
            name="reason"
            required
            placeholder="e.g. INC-4711: payment callbacks fail, the fix must reach PROD tonight."
            rows={3}
            maxLength={2000}
            defaultValue={submitted(state, "reason", "")}
          />
        )}
      </Field>
      <DialogFormFooter
        dialog={{ state, isPending, setOpen: close }}
        label="Ask for the exception"
      />
    </form>
  );
}

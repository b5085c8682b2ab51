"use client";

import { Loader2, UserRoundCheck } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE, submitted } from "@/lib/action-state";
import type { IsoDate } from "@/lib/domain/dates";
import { ROLE_NAMES } from "@/lib/domain/stages";
import type { UserSummary } from "@/lib/types/user";

import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import { TextField } from "../ui/text-field";

/** Names a deputy for a date range (the first day today at the earliest). */
export function DelegationForm({
  today,
  deputies,
  create,
}: {
  today: IsoDate;
  /** Active colleagues who sign off stages. */
  deputies: UserSummary[];
  create: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState(create, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <>
      <form
        action={action}
        noValidate
        className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_11rem_auto] sm:items-end"
        key={state.at ?? "form"}
      >
        <Field id="deputy" label="Deputy" error={error("deputyId")}>
          {(control) => (
            <Select
              {...control}
              name="deputyId"
              defaultValue={state.status === "error" ? submitted(state, "deputyId", "") : ""}
            >
              <option value="">Choose a colleague…</option>
              {deputies.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} · {ROLE_NAMES[person.role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <TextField
          id="delegation-from"
          label="First day away"
          name="from"
          type="date"
          min={today}
          defaultValue={state.status === "error" ? submitted(state, "from", today) : today}
          error={error("from")}
        />
        <TextField
          id="delegation-to"
          label="Last day away"
          name="to"
          type="date"
          min={today}
          defaultValue={state.status === "error" ? submitted(state, "to", "") : ""}
          error={error("to")}
        />
        <Button type="submit" disabled={isPending}>
          {isPending ? (
            <Loader2 aria-hidden className="animate-spin" />
          ) : (
            <UserRoundCheck aria-hidden />
          )}
          Name deputy
        </Button>
      </form>
      <FormStatus state={state} />
    </>
  );
}

"use client";

import { Loader2, UserRoundCheck, UserRoundX } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE, submitted } from "@/lib/action-state";
import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import { ROLE_NAMES } from "@/lib/domain/stages";
import type { DelegationDto } from "@/lib/types/delegation";
import type { UserSummary } from "@/lib/types/user";

import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import { TextField } from "../ui/text-field";
import { useActionRunner } from "../ui/use-action-runner";

import { Panel } from "./panel";

function Range({ delegation }: { delegation: DelegationDto }) {
  return (
    <span className="tabular">
      {formatDisplayDate(delegation.from)} – {formatDisplayDate(delegation.to)}
    </span>
  );
}

/**
 * Going on leave: name a deputy for a date range, see who stands in for you and for whom you stand
 * in, end a delegation early.
 */
export function DelegationsPanel({
  today,
  given,
  received,
  deputies,
  create,
  end,
}: {
  today: IsoDate;
  given: DelegationDto[];
  received: DelegationDto[];
  /** Active colleagues who sign off stages. */
  deputies: UserSummary[];
  create: (previous: ActionState, form: FormData) => Promise<ActionState>;
  end: (command: { id: string }) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState(create, IDLE);
  const runner = useActionRunner();
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <Panel
      id="delegations"
      title="Absence and deputy"
      description="Going on leave? Name a deputy for those days: they may decide wherever you may, and every decision they take records both of you. Four eyes still applies to both."
    >
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

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-fg">Your deputies</h3>
          {given.length === 0 ? (
            <p className="text-sm text-muted">Nobody stands in for you.</p>
          ) : (
            <ul className="space-y-2" aria-label="Your deputies">
              {given.map((delegation) => (
                <li
                  key={delegation.id}
                  data-testid="delegation-given"
                  className="flex items-center justify-between gap-3 rounded-lg bg-surface-muted px-3 py-2 text-sm"
                >
                  <span className="min-w-0">
                    <span className="font-medium text-fg">{delegation.deputy.name}</span>{" "}
                    {delegation.isRunning && <Badge tone="info">Now</Badge>}
                    <span className="block text-xs text-muted">
                      <Range delegation={delegation} />
                    </span>
                  </span>
                  <ConfirmDialog
                    title={`End ${delegation.deputy.name}'s delegation?`}
                    description="From now on they no longer decide for you. What they decided stays."
                    confirmLabel="End delegation"
                    tone="danger"
                    onConfirm={() => runner.run(() => end({ id: delegation.id }))}
                    trigger={
                      <Button variant="secondary" size="sm" disabled={runner.isPending}>
                        <UserRoundX aria-hidden />
                        End
                      </Button>
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          {runner.problem && <FormStatus state={runner.problem} />}
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-fg">You stand in for</h3>
          {received.length === 0 ? (
            <p className="text-sm text-muted">Nobody has named you as their deputy.</p>
          ) : (
            <ul className="space-y-2" aria-label="You stand in for">
              {received.map((delegation) => (
                <li
                  key={delegation.id}
                  data-testid="delegation-received"
                  className="rounded-lg bg-surface-muted px-3 py-2 text-sm"
                >
                  <span className="font-medium text-fg">{delegation.delegator.name}</span>{" "}
                  {delegation.isRunning && <Badge tone="info">Now</Badge>}
                  <span className="block text-xs text-muted">
                    <Range delegation={delegation} />
                    {delegation.isRunning && " · their approvals show in My approvals"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Panel>
  );
}

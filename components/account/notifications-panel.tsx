"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE, submitted } from "@/lib/action-state";
import { EMAIL_KIND_NAMES, EMAIL_KINDS, type EmailPreferences } from "@/lib/domain/notifications";
import { MAX_SLIP_THRESHOLD } from "@/lib/domain/watching";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { Input } from "../ui/input";

import { Panel } from "./panel";

/** Which emails one gets: a checkbox per kind, saved together. */
export function NotificationsPanel({
  email,
  slipThresholdWorkingDays,
  address,
  isMailConfigured,
  save,
}: {
  email: EmailPreferences;
  /** Watched go-lives that move by more working days than this are announced. */
  slipThresholdWorkingDays: number;
  address: string;
  isMailConfigured: boolean;
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState(save, IDLE);
  return (
    <Panel
      id="notifications"
      title="Email notifications"
      description={
        isMailConfigured
          ? `Sent to ${address}. Choose what you want to hear about.`
          : `Sent to ${address} once an administrator connects a mail server; until then they wait in the outbox.`
      }
    >
      <form action={action} className="space-y-4">
        <fieldset>
          <legend className="sr-only">Emails</legend>
          <ul className="divide-y divide-border rounded-md border border-border">
            {EMAIL_KINDS.map((kind) => (
              <li key={kind}>
                <label className="flex cursor-pointer items-start gap-3 px-3 py-2.5 text-sm hover:bg-surface-muted">
                  <input
                    type="checkbox"
                    name={kind}
                    defaultChecked={email[kind]}
                    className="mt-0.5 size-4 accent-[var(--color-accent)]"
                  />
                  <span>
                    <span className="block font-medium text-fg">
                      {EMAIL_KIND_NAMES[kind].label}
                    </span>
                    <span className="block text-xs text-muted">{EMAIL_KIND_NAMES[kind].hint}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <label className="flex flex-wrap items-center gap-2 text-sm text-fg">
          Tell me when a watched go-live moves by more than
          <Input
            type="number"
            name="slipThresholdWorkingDays"
            min={0}
            max={MAX_SLIP_THRESHOLD}
            defaultValue={submitted(
              state,
              "slipThresholdWorkingDays",
              String(slipThresholdWorkingDays),
            )}
            fieldSize="sm"
            className="w-16 tabular"
            aria-invalid={state.fieldErrors?.["watch.slipThresholdWorkingDays"] ? true : undefined}
          />
          working days.
        </label>
        <FormStatus state={state} />
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save email choices
        </Button>
      </form>
    </Panel>
  );
}

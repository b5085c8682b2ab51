"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE } from "@/lib/action-state";
import { EMAIL_KIND_NAMES, EMAIL_KINDS, type EmailPreferences } from "@/lib/domain/notifications";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";

import { Panel } from "./panel";

/** Which emails one gets: a checkbox per kind, saved together. */
export function NotificationsPanel({
  email,
  address,
  isMailConfigured,
  save,
}: {
  email: EmailPreferences;
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
        <FormStatus state={state} />
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save email choices
        </Button>
      </form>
    </Panel>
  );
}

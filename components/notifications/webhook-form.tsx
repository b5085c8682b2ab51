"use client";

import { Loader2, Plus } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE } from "@/lib/action-state";
import { WEBHOOK_EVENTS } from "@/lib/domain/notifications";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { TextField } from "../ui/text-field";

/** Add a webhook: its address, the events it wants, the secret that signs the deliveries. */
export function WebhookForm({
  create,
}: {
  create: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState(create, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={action} noValidate className="max-w-2xl space-y-4" key={state.at ?? "form"}>
      <TextField
        id="webhook-url"
        label="URL"
        name="url"
        type="url"
        placeholder="https://chat.example.com/hooks/releases"
        error={error("url")}
      />
      <fieldset>
        <legend className="text-sm font-medium text-fg">Events</legend>
        <div className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-3">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={event}
                defaultChecked={event.startsWith("stage.") || event === "release.live"}
                className="size-4 accent-[var(--color-accent)]"
              />
              <span className="font-mono text-xs">{event}</span>
            </label>
          ))}
        </div>
        {error("events") && <p className="mt-1 text-sm text-danger">{error("events")}</p>}
      </fieldset>
      <TextField
        id="webhook-secret"
        label="Signing secret"
        name="secret"
        type="password"
        autoComplete="off"
        description="At least 16 characters. Each delivery carries X-Release-Calendar-Signature: sha256=HMAC of the body. Shown never again."
        error={error("secret")}
      />
      <TextField
        id="webhook-description"
        label="Description (optional)"
        name="description"
        placeholder="Release channel in chat"
        error={error("description")}
      />
      <FormStatus state={state} />
      <Button type="submit" disabled={isPending}>
        {isPending ? <Loader2 aria-hidden className="animate-spin" /> : <Plus aria-hidden />}
        Add webhook
      </Button>
    </form>
  );
}

"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { IDLE, submitted } from "@/lib/action-state";
import { TOKEN_MAX_LIFETIME_LIMIT_DAYS } from "@/lib/domain/people";
import { saveTokenLifetimeAction } from "@/lib/server/actions/users";

/** How long new API tokens may live at most (tokens already made keep their expiry). */
export function TokenLifetimeForm({ maxLifetimeDays }: { maxLifetimeDays: number }) {
  const [state, action, isPending] = useActionState(saveTokenLifetimeAction, IDLE);
  return (
    <form
      action={action}
      noValidate
      className="space-y-3 rounded-xl border border-border bg-surface p-5 shadow-xs"
      key={state.at ?? "form"}
    >
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id="token-max-lifetime"
          label="Longest lifetime of a new token (days)"
          description="A token created without an expiry expires after this many days; none may be set later. Tokens already made keep their expiry."
          name="maxLifetimeDays"
          type="number"
          min={1}
          max={TOKEN_MAX_LIFETIME_LIMIT_DAYS}
          defaultValue={submitted(state, "maxLifetimeDays", String(maxLifetimeDays))}
          error={state.fieldErrors?.maxLifetimeDays}
          className="max-w-xl"
          inputClassName="w-32"
        />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

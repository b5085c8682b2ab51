"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE } from "@/lib/action-state";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from "@/lib/domain/people";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { TextField } from "../ui/text-field";

import { NewPasswordFields } from "./new-password-fields";
import { Panel } from "./panel";

/** Change one's password: the current one, then the new one twice. */
export function PasswordPanel({
  hasPassword,
  change,
}: {
  hasPassword: boolean;
  change: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState(change, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  if (!hasPassword) {
    return (
      <Panel
        id="password"
        title="Password"
        description="You sign in with single sign-on (or have not set a password yet): there is no password to change here."
      >
        {null}
      </Panel>
    );
  }
  return (
    <Panel
      id="password"
      title="Password"
      description={`${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes (bcrypt ignores anything longer). Changing it signs out your other sessions.`}
    >
      <form action={action} noValidate className="max-w-md space-y-4" key={state.at ?? "form"}>
        <TextField
          id="current-password"
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={error("currentPassword")}
        />
        <NewPasswordFields error={error} />
        <FormStatus state={state} />
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Change password
        </Button>
      </form>
    </Panel>
  );
}

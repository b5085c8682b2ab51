"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { IDLE, type PasswordLinkState } from "@/lib/action-state";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from "@/lib/domain/people";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ButtonLink } from "../ui/button-link";

import { NewPasswordFields } from "./new-password-fields";

/** A new password twice, for the person a one-time link belongs to; then off to sign in. */
export function SetPasswordForm({
  token,
  email,
  save,
}: {
  token: string;
  email: string;
  save: (previous: PasswordLinkState, form: FormData) => Promise<PasswordLinkState>;
}) {
  const [state, action, isPending] = useActionState<PasswordLinkState, FormData>(save, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
        <ButtonLink
          className="w-full"
          size="lg"
          href={`/signin?email=${encodeURIComponent(state.email ?? email)}`}
        >
          Sign in
        </ButtonLink>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <NewPasswordFields
        error={error}
        autoFocus
        description={`${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes; a passphrase of a few words is good.`}
      />
      {state.status === "error" && !state.fieldErrors && (
        <Alert tone="danger" role="alert">
          {state.message}
        </Alert>
      )}
      <Button type="submit" size="lg" className="w-full" disabled={isPending}>
        {isPending && <Loader2 aria-hidden className="animate-spin" />}
        Set password
      </Button>
    </form>
  );
}

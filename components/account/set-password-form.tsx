"use client";

import { AlertCircle, CheckCircle2, Loader2 } from "lucide-react";
import { useActionState } from "react";

import { IDLE, type PasswordLinkState } from "@/lib/action-state";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from "@/lib/domain/people";

import { AlertBox } from "../ui/alert-box";
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
        <AlertBox tone="success" icon={CheckCircle2} role="status">
          {state.message}
        </AlertBox>
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
        <AlertBox tone="danger" icon={AlertCircle} role="alert">
          {state.message}
        </AlertBox>
      )}
      <Button type="submit" size="lg" className="w-full" disabled={isPending}>
        {isPending && <Loader2 aria-hidden className="animate-spin" />}
        Set password
      </Button>
    </form>
  );
}

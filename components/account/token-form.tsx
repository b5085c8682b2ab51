"use client";

import { AlertTriangle, KeyRound, Loader2 } from "lucide-react";
import { useActionState } from "react";

import { IDLE, submitted, type TokenState } from "@/lib/action-state";
import type { TokenScope } from "@/lib/domain/people";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import { TextField } from "../ui/text-field";

const SCOPE_OPTIONS: Record<TokenScope, string> = {
  read: "Read — lists, plans, reports",
  write: "Read and write — what your role may do",
  deploy: "Deployments only — for CI and Argo CD",
};

/** Creates an API token; its secret is shown here once, to copy. */
export function TokenForm({
  scopes,
  maxLifetimeDays,
  create,
}: {
  /** The scopes this person's role may give a token. */
  scopes: TokenScope[];
  /** The longest a new token may live (an administrator's setting). */
  maxLifetimeDays: number;
  create: (previous: TokenState, form: FormData) => Promise<TokenState>;
}) {
  const [state, action, isPending] = useActionState<TokenState, FormData>(create, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <>
      {state.status === "success" && state.token && (
        <div className="space-y-2" data-testid="new-token">
          <AlertBox tone="warning" icon={AlertTriangle}>
            {state.message}
          </AlertBox>
          <CopyField id="new-token" label="New API token" value={state.token} />
        </div>
      )}
      <form
        action={action}
        noValidate
        className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,16rem)_10rem_auto] sm:items-end"
        key={state.at ?? "form"}
      >
        <TextField
          id="token-name"
          label="Name"
          name="name"
          maxLength={120}
          placeholder="e.g. GitLab deploy job"
          defaultValue={state.status === "error" ? submitted(state, "name", "") : ""}
          error={error("name")}
        />
        <Field id="token-scope" label="Scope" error={error("scope")}>
          {(control) => (
            <Select {...control} name="scope" defaultValue={scopes[0]}>
              {scopes.map((scope) => (
                <option key={scope} value={scope}>
                  {SCOPE_OPTIONS[scope]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <TextField
          id="token-expires"
          label={`Expires (default: in ${maxLifetimeDays} days)`}
          name="expiresAt"
          type="date"
          error={error("expiresAt")}
        />
        <Button type="submit" disabled={isPending}>
          {isPending ? <Loader2 aria-hidden className="animate-spin" /> : <KeyRound aria-hidden />}
          Create token
        </Button>
      </form>
      {state.status === "error" && <FormStatus state={state} />}
    </>
  );
}

"use client";

import { KeyRound, Loader2 } from "lucide-react";
import { useActionState } from "react";

import { type ActionState, IDLE, submitted, type TokenState } from "@/lib/action-state";
import type { TokenScope } from "@/lib/domain/people";
import type { ApiTokenDto } from "@/lib/types/user";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import { TextField } from "../ui/text-field";

import { Panel } from "./panel";
import { TokenTable } from "./token-table";

const SCOPE_OPTIONS: Record<TokenScope, string> = {
  read: "Read — lists, plans, reports",
  write: "Read and write — what your role may do",
  deploy: "Deployments only — for CI and Argo CD",
};

/** API tokens for scripts and CI: create one (its secret shown once), see and revoke them. */
export function TokensPanel({
  tokens,
  scopes,
  maxLifetimeDays,
  create,
  revoke,
}: {
  tokens: ApiTokenDto[];
  /** The scopes this person's role may give a token. */
  scopes: TokenScope[];
  /** The longest a new token may live (an administrator's setting). */
  maxLifetimeDays: number;
  create: (previous: TokenState, form: FormData) => Promise<TokenState>;
  revoke: (command: { id: string }) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState<TokenState, FormData>(create, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <Panel
      id="tokens"
      title="API tokens"
      description={
        <>
          For scripts and CI pipelines: send it as{" "}
          <code className="font-mono text-xs">Authorization: Bearer …</code>. A token acts with your
          current role, within its scope; it stops working when revoked, when it expires (after{" "}
          {maxLifetimeDays} days at the latest), or when your account is deactivated. See{" "}
          <a href="/api-docs" className="text-accent hover:underline">
            the HTTP API
          </a>
          .
        </>
      }
    >
      {state.status === "success" && state.token && (
        <div className="space-y-2" data-testid="new-token">
          <Alert tone="warning">{state.message}</Alert>
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
      {tokens.length > 0 ? (
        <TokenTable tokens={tokens} revoke={revoke} />
      ) : (
        <p className="text-sm text-muted">You have no API tokens.</p>
      )}
    </Panel>
  );
}

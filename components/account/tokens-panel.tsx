import type { ActionState, TokenState } from "@/lib/action-state";
import type { TokenScope } from "@/lib/domain/people";
import type { ApiTokenDto } from "@/lib/types/user";

import { Panel } from "./panel";
import { TokenForm } from "./token-form";
import { TokenTable } from "./token-table";

/**
 * API tokens for scripts and CI: create one (its secret shown once), see and revoke them. Rendered
 * on the server; the form and the Revoke buttons are client code.
 */
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
      <TokenForm scopes={scopes} maxLifetimeDays={maxLifetimeDays} create={create} />
      {tokens.length > 0 ? (
        <TokenTable tokens={tokens} revoke={revoke} />
      ) : (
        <p className="text-sm text-muted">You have no API tokens.</p>
      )}
    </Panel>
  );
}

import { Trash2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { ApiTokenAdminDto, ApiTokenDto } from "@/lib/types/user";

import { Badge } from "../ui/badge";
import { CommandButton } from "../ui/command-button";
import { LocalTime } from "../ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

const SCOPE_TEXT = { read: "Read", write: "Read and write", deploy: "Deployments only" } as const;

/**
 * API tokens with their scope, expiry and last use; never their secrets. With owners for admins.
 * Rendered on the server; the Revoke buttons are client code.
 */
export function TokenTable({
  tokens,
  revoke,
}: {
  tokens: (ApiTokenDto | ApiTokenAdminDto)[];
  revoke: (command: { id: string }) => Promise<ActionState>;
}) {
  const showOwner = tokens.some((token) => "owner" in token);
  return (
    <Table>
      <caption className="sr-only">API tokens</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          {showOwner && <TableHead>Owner</TableHead>}
          <TableHead>Scope</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead align="right">
            <span className="sr-only">Revoke</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((token) => (
          <TableRow key={token.id} data-testid="token-row">
            <TableCell className="font-medium text-fg">{token.name}</TableCell>
            {showOwner && (
              <TableCell>
                {"owner" in token && (
                  <>
                    <p className="text-fg">{token.owner.name}</p>
                    <p className="text-xs text-muted">{token.owner.email}</p>
                  </>
                )}
              </TableCell>
            )}
            <TableCell>
              <Badge tone={token.scope === "read" ? "neutral" : "info"}>
                {SCOPE_TEXT[token.scope]}
              </Badge>
            </TableCell>
            <TableCell className="text-sm text-muted">
              <LocalTime iso={token.createdAt} />
            </TableCell>
            <TableCell className="text-sm text-muted">
              {token.expiresAt ? <LocalTime iso={token.expiresAt} /> : "Never"}
            </TableCell>
            <TableCell className="text-sm text-muted">
              {token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : "Not yet"}
            </TableCell>
            <TableCell className="text-right">
              <CommandButton
                action={revoke}
                command={{ id: token.id }}
                variant="ghost"
                aria-label={`Revoke ${token.name}`}
                confirm={{
                  title: `Revoke “${token.name}”?`,
                  description:
                    "Whatever uses it gets 401 from now on. This cannot be undone; create a new token instead.",
                  confirmLabel: "Revoke",
                }}
              >
                <Trash2 aria-hidden />
              </CommandButton>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

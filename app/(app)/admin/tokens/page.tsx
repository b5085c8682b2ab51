import type { Metadata } from "next";

import { TokenTable } from "@/components/account/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { revokeAnyTokenAction } from "@/lib/server/actions/users";
import { requirePermission } from "@/lib/server/auth/session";
import { getTokenMaxLifetimeDays, listAllTokens } from "@/lib/server/users/api-tokens";

import { TokenLifetimeForm } from "./token-lifetime-form";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePermission("users.manage");
  const [tokens, maxLifetimeDays] = await Promise.all([listAllTokens(), getTokenMaxLifetimeDays()]);
  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-base font-semibold text-fg">API tokens</h2>
        <p className="text-sm text-muted">
          Every token that still works, whoever owns it. Each acts with its owner&apos;s current
          role within its scope; people create their own on their profile.
        </p>
      </div>
      <TokenLifetimeForm maxLifetimeDays={maxLifetimeDays} />
      {tokens.length === 0 ? (
        <EmptyState
          title="No API tokens"
          description="Scripts and CI pipelines use tokens that people create on their profile page."
        />
      ) : (
        <TokenTable tokens={tokens} revoke={revokeAnyTokenAction} />
      )}
    </div>
  );
}

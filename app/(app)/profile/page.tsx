import type { Metadata } from "next";

import { PasswordPanel } from "@/components/account/password-panel";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { TokensPanel } from "@/components/account/tokens-panel";
import { PageHeader } from "@/components/layout/page-header";
import { tokenScopesFor } from "@/lib/domain/people";
import { ROLE_NAMES } from "@/lib/domain/stages";
import {
  changePasswordAction,
  createTokenAction,
  endSessionAction,
  revokeOwnTokenAction,
} from "@/lib/server/actions/account";
import { pageOrigin } from "@/lib/server/api/origin";
import { currentSessionId, requireUser } from "@/lib/server/auth/session";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";
import { listOwnTokens } from "@/lib/server/users/api-tokens";
import { getUser } from "@/lib/server/users/manage-users";
import { listSessions } from "@/lib/server/users/sessions";

import { CalendarFeedPanel } from "./calendar-feed-panel";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const [feedUrl, account, tokens, sessions, sessionId] = await Promise.all([
    getOrCreateFeedUrl(user, await pageOrigin()),
    getUser(user.id),
    listOwnTokens(user),
    listSessions(user.id),
    currentSessionId(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Profile"
        description={`${user.name} · ${user.email} · ${ROLE_NAMES[user.role]}`}
      />
      <div className="grid max-w-5xl gap-6">
        <CalendarFeedPanel url={feedUrl} />
        <TokensPanel
          tokens={tokens}
          scopes={tokenScopesFor(user.role)}
          create={createTokenAction}
          revoke={revokeOwnTokenAction}
        />
        <PasswordPanel hasPassword={account.hasPassword} change={changePasswordAction} />
        <SessionsPanel sessions={sessions} currentId={sessionId} end={endSessionAction} />
      </div>
    </div>
  );
}

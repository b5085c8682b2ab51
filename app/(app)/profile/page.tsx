import type { Metadata } from "next";

import { DelegationsPanel } from "@/components/account/delegations-panel";
import { NotificationsPanel } from "@/components/account/notifications-panel";
import { PasswordPanel } from "@/components/account/password-panel";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { TokensPanel } from "@/components/account/tokens-panel";
import { WatchesPanel } from "@/components/account/watches-panel";
import { PageHeader } from "@/components/layout/page-header";
import { tokenScopesFor } from "@/lib/domain/people";
import { ROLE_NAMES } from "@/lib/domain/stages";
import {
  changePasswordAction,
  createTokenAction,
  endSessionAction,
  revokeOwnTokenAction,
} from "@/lib/server/actions/account";
import { createDelegationAction, endDelegationAction } from "@/lib/server/actions/delegations";
import { watchAction } from "@/lib/server/actions/notes";
import { saveNotificationsAction } from "@/lib/server/actions/notifications";
import { pageOrigin } from "@/lib/server/api/origin";
import { currentSessionId, requireUser } from "@/lib/server/auth/session";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";
import { listMyDelegations } from "@/lib/server/delegations/delegations";
import { listWatches } from "@/lib/server/notes/watches";
import { isMailConfigured } from "@/lib/server/notifications/deliver";
import { getNotificationPreferences } from "@/lib/server/notifications/webhooks";
import { listProductOptions } from "@/lib/server/products/products";
import { getTokenMaxLifetimeDays, listOwnTokens } from "@/lib/server/users/api-tokens";
import { getUser, listUsers } from "@/lib/server/users/manage-users";
import { listSessions } from "@/lib/server/users/sessions";

import { CalendarFeedPanel } from "./calendar-feed-panel";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const mayDelegate = user.role !== "VIEWER";
  const [
    feedUrl,
    account,
    tokens,
    sessions,
    sessionId,
    products,
    delegations,
    people,
    notifications,
    tokenMaxLifetimeDays,
    watches,
  ] = await Promise.all([
    getOrCreateFeedUrl(user, await pageOrigin()),
    getUser(user.id),
    listOwnTokens(user),
    listSessions(user.id),
    currentSessionId(),
    listProductOptions(),
    listMyDelegations(user),
    mayDelegate ? listUsers(user, { limit: 1000, active: true }) : null,
    getNotificationPreferences(user),
    getTokenMaxLifetimeDays(),
    listWatches(user),
  ]);
  const deputies = (people?.items ?? []).filter(
    (person) => person.id !== user.id && person.role !== "VIEWER",
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Profile"
        description={`${user.name} · ${user.email} · ${ROLE_NAMES[user.role]}`}
      />
      <div className="grid max-w-5xl gap-6">
        {mayDelegate && (
          <DelegationsPanel
            today={delegations.today}
            given={delegations.given}
            received={delegations.received}
            deputies={deputies}
            create={createDelegationAction}
            end={endDelegationAction}
          />
        )}
        <NotificationsPanel
          email={notifications.email}
          slipThresholdWorkingDays={notifications.watch.slipThresholdWorkingDays}
          address={user.email}
          isMailConfigured={isMailConfigured()}
          save={saveNotificationsAction}
        />
        <WatchesPanel watches={watches.watches} action={watchAction} />
        <CalendarFeedPanel url={feedUrl} products={products} />
        <TokensPanel
          tokens={tokens}
          scopes={tokenScopesFor(user.role)}
          maxLifetimeDays={tokenMaxLifetimeDays}
          create={createTokenAction}
          revoke={revokeOwnTokenAction}
        />
        <PasswordPanel hasPassword={account.hasPassword} change={changePasswordAction} />
        <SessionsPanel sessions={sessions} currentId={sessionId} end={endSessionAction} />
      </div>
    </div>
  );
}

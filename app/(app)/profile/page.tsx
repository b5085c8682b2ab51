import type { Metadata } from "next";

import { PageHeader } from "@/components/layout/page-header";
import { ROLE_NAMES } from "@/lib/domain/stages";
import { pageOrigin } from "@/lib/server/api/origin";
import { requireUser } from "@/lib/server/auth/session";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";

import { CalendarFeedPanel } from "./calendar-feed-panel";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const url = await getOrCreateFeedUrl(user, await pageOrigin());
  return (
    <div className="space-y-6">
      <PageHeader
        title="Profile"
        description={`${user.name} · ${user.email} · ${ROLE_NAMES[user.role]}`}
      />
      <CalendarFeedPanel url={url} />
    </div>
  );
}

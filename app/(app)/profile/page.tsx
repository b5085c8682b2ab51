import type { Metadata } from "next";
import { headers } from "next/headers";

import { PageHeader } from "@/components/layout/page-header";
import { ROLE_NAMES } from "@/lib/domain/stages";
import { requireUser } from "@/lib/server/auth/session";
import { getOrCreateFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";

import { CalendarFeedPanel } from "./calendar-feed-panel";

export const metadata: Metadata = { title: "Profile" };

async function requestOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

export default async function ProfilePage() {
  const user = await requireUser();
  const url = await getOrCreateFeedUrl(user, await requestOrigin());
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

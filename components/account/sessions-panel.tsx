import { LogOut } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { SessionInfo } from "@/lib/types/user";

import { Badge } from "../ui/badge";
import { CommandButton } from "../ui/command-button";
import { LocalTime } from "../ui/local-time";

import { Panel } from "./panel";

/** A browser's name from its user agent, roughly: enough to recognise a session. */
function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser or script";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}

/** Where one is signed in: since when, with what, from where; and a way to sign one out. Server-rendered. */
export function SessionsPanel({
  sessions,
  currentId,
  end,
}: {
  sessions: SessionInfo[];
  currentId: string | null;
  end: (command: { id: string }) => Promise<ActionState>;
}) {
  return (
    <Panel
      id="sessions"
      title="Sessions"
      description="Where you are signed in. A session ends after 12 hours, when you sign out, or when you sign it out here."
    >
      <ul className="divide-y divide-border rounded-lg border border-border">
        {sessions.map((session) => (
          <li
            key={session.id}
            data-testid="session"
            className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm"
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium text-fg">
                {describeBrowser(session.userAgent)}
                {session.id === currentId && (
                  <Badge tone="success" className="ml-2">
                    This session
                  </Badge>
                )}
              </p>
              <p className="text-xs text-muted">
                Signed in <LocalTime iso={session.createdAt} /> with{" "}
                {session.method === "OIDC" ? "single sign-on" : "a password"}
                {session.ipAddress && <> from {session.ipAddress}</>} · last seen{" "}
                <LocalTime iso={session.lastSeenAt} />
              </p>
            </div>
            {session.id !== currentId && (
              <CommandButton action={end} command={{ id: session.id }}>
                <LogOut aria-hidden />
                Sign out
              </CommandButton>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

import "server-only";

import { headers } from "next/headers";

import { getEnv } from "@/lib/env";

/** The configured public origin (NEXTAUTH_URL), when the app runs behind a proxy. */
function configuredOrigin(): string | undefined {
  const configured = getEnv().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : undefined;
}

/** The public origin for links an API route hands out: NEXTAUTH_URL when configured, else the request's. */
export function publicOrigin(request: Request): string {
  return configuredOrigin() ?? new URL(request.url).origin;
}

/** The same for a page, from the request's (forwarded) host. */
export async function pageOrigin(): Promise<string> {
  const configured = configuredOrigin();
  if (configured) return configured;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

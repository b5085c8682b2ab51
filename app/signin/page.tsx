import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Logo } from "@/components/layout/logo";
import { DEMO_USERS } from "@/lib/demo-users";
import { ROLE_NAMES } from "@/lib/domain/stages";
import { getCurrentUser } from "@/lib/server/auth/session";
import { readDatabaseConfig } from "@/lib/server/db/config";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{ callbackUrl?: string | string[] }>;

/** Only same-site paths, so that the sign-in page cannot be used to redirect elsewhere. */
function safeCallbackPath(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/";
  try {
    const url = new URL(raw, "http://internal");
    if (
      url.origin !== "http://internal" &&
      !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(url.origin)
    ) {
      return "/";
    }
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/signin") || path.startsWith("//") ? "/" : path;
  } catch {
    return "/";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  const isDemo = readDatabaseConfig().kind === "pglite";
  const demoAccounts = isDemo
    ? DEMO_USERS.map((user) => ({
        email: user.email,
        password: user.password,
        name: user.name,
        role: ROLE_NAMES[user.role],
      }))
    : [];

  return (
    <main className="flex min-h-screen items-center justify-center bg-canvas px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="size-11" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-fg">
            Sign in to Release Calendar
          </h1>
          <p className="mt-1 text-sm text-muted">
            Plan go-lives, sign off stages, see what ships when.
          </p>
        </div>
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
          <SignInForm callbackPath={callbackPath} demoAccounts={demoAccounts} />
        </div>
      </div>
    </main>
  );
}

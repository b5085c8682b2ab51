import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AuthCard } from "@/components/layout/auth-card";
import { DEMO_USERS } from "@/lib/demo-users";
import { ROLE_NAMES } from "@/lib/domain/stages";
import { getEnv } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/auth/session";
import { firstParam } from "@/lib/validation/view-filters";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{
  callbackUrl?: string | string[];
  error?: string | string[];
  email?: string | string[];
}>;

/** What next-auth's error codes mean to the person who just tried to sign in. */
const SIGN_IN_ERRORS: Record<string, string> = {
  AccessDenied:
    "Your account is deactivated, or the identity provider gave no email address. Ask an administrator.",
  OAuthSignin:
    "Single sign-on could not start: the identity provider is not reachable or not set up for this app. Tell your administrator.",
  OAuthCallback:
    "Single sign-on failed: the identity provider refused the app's credentials (OIDC_CLIENT_ID / OIDC_CLIENT_SECRET) or the sign-in was interrupted. Try again; if it keeps failing, tell your administrator.",
  Callback:
    "Single sign-on failed on the way back to the app. Try again; if it keeps failing, tell your administrator.",
  Configuration: "Sign-in is not configured correctly on the server. Tell your administrator.",
  SessionRequired: "Sign in to see this page.",
};

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
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  const env = getEnv();
  const error = firstParam(params.error);
  const isDemo = !env.DATABASE_URL;
  const demoAccounts = isDemo
    ? DEMO_USERS.map((user) => ({
        email: user.email,
        password: user.password,
        name: user.name,
        role: ROLE_NAMES[user.role],
      }))
    : [];

  return (
    <AuthCard
      title="Sign in to Release Calendar"
      subtitle="Plan go-lives, sign off stages, see what ships when."
    >
      <SignInForm
        callbackPath={callbackPath}
        demoAccounts={env.PASSWORD_LOGIN ? demoAccounts : []}
        sso={env.OIDC_ISSUER ? { name: env.OIDC_NAME } : null}
        passwordLogin={env.PASSWORD_LOGIN}
        initialEmail={firstParam(params.email)?.slice(0, 254) ?? ""}
        initialError={error ? (SIGN_IN_ERRORS[error] ?? "Signing in failed. Try again.") : null}
      />
    </AuthCard>
  );
}

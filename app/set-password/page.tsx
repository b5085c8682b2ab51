import type { Metadata } from "next";
import Link from "next/link";

import { SetPasswordForm } from "@/components/account/set-password-form";
import { AuthCard } from "@/components/layout/auth-card";
import { Alert } from "@/components/ui/alert";
import { setPasswordWithLinkAction } from "@/lib/server/actions/account";
import { personOfPasswordLink } from "@/lib/server/users/password-links";

export const metadata: Metadata = { title: "Set your password" };

type SearchParams = Promise<{ token?: string | string[] }>;

/** Where an invitation or reset link leads: set a password, once, within 7 days. */
export default async function SetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const person =
    token.length >= 20 && token.length <= 200 ? await personOfPasswordLink(token) : null;
  return (
    <AuthCard title="Set your password" subtitle={person && `for ${person.name} · ${person.email}`}>
      {person ? (
        <SetPasswordForm token={token} email={person.email} save={setPasswordWithLinkAction} />
      ) : (
        <div className="space-y-4">
          <Alert tone="danger" role="alert">
            This link has expired or was used already. Ask an administrator for a new one.
          </Alert>
          <Link href="/signin" className="text-sm font-medium text-accent hover:underline">
            Go to the sign-in page
          </Link>
        </div>
      )}
    </AuthCard>
  );
}

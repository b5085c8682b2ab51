"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInSchema } from "@/lib/validation/auth";

type DemoAccount = { email: string; password: string; name: string; role: string };
type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({
  callbackPath,
  demoAccounts,
}: {
  callbackPath: string;
  demoAccounts: DemoAccount[];
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function handleSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setIsPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setIsPending(false);
      setFormError("Email or password is incorrect.");
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {formError && (
          <Alert tone="danger" role="alert">
            {formError}
          </Alert>
        )}
        <TextField
          id="email"
          label="Email"
          error={fieldErrors.email}
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="password"
          label="Password"
          error={fieldErrors.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" size="lg" className="w-full" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          {isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>

      {demoAccounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="border-t border-border pt-5">
          <h2
            id="demo-accounts"
            className="text-xs font-semibold tracking-wide text-muted uppercase"
          >
            Demo accounts
          </h2>
          <p className="mt-1 text-xs text-subtle">
            Embedded demo database. Pick one to fill in the form.
          </p>
          <ul className="mt-3 grid grid-cols-2 gap-2">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  onClick={() => {
                    setEmail(account.email);
                    setPassword(account.password);
                    setFieldErrors({});
                    setFormError(null);
                  }}
                  className="w-full rounded-md border border-border px-3 py-2 text-left hover:border-accent/40 hover:bg-accent-soft/50"
                >
                  <span className="block text-sm font-medium text-fg">{account.role}</span>
                  <span className="block truncate font-mono text-xs text-muted">
                    {account.email}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

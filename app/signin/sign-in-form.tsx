"use client";

import { AlertCircle, Loader2, LogIn } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword, signInWithProvider } from "@/lib/client/sign-in";
import { SIGN_IN_MESSAGES } from "@/lib/validation/sign-in-messages";

type DemoAccount = { email: string; password: string; name: string; role: string };
type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({
  callbackPath,
  demoAccounts,
  sso,
  passwordLogin,
  initialEmail = "",
  initialError = null,
}: {
  callbackPath: string;
  demoAccounts: DemoAccount[];
  /** Single sign-on, when configured: the button's label. */
  sso: { name: string } | null;
  /** Whether local passwords may be used (PASSWORD_LOGIN). */
  passwordLogin: boolean;
  initialEmail?: string;
  /** Why the last attempt failed (e.g. single sign-on came back with an error). */
  initialError?: string | null;
}) {
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [isPending, setIsPending] = useState(false);

  async function handleSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    // The browser checks the fields (its own email rule); the server checks them again with the schema.
    const form = event.currentTarget;
    const emailField = form.elements.namedItem("email") as HTMLInputElement;
    const errors: FieldErrors = {};
    if (email.trim() === "") errors.email = SIGN_IN_MESSAGES.emailMissing;
    else if (emailField.validity.typeMismatch) errors.email = SIGN_IN_MESSAGES.emailInvalid;
    if (password === "") errors.password = SIGN_IN_MESSAGES.passwordMissing;
    if (errors.email || errors.password) {
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setIsPending(true);
    const { error } = await signInWithPassword(email.trim(), password, callbackPath);
    if (error) {
      setIsPending(false);
      // The server's own words (a wrong password, or when to try again after too many).
      setFormError(error !== "CredentialsSignin" ? error : "Email or password is incorrect.");
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {formError && (
        <AlertBox tone="danger" icon={AlertCircle} role="alert">
          {formError}
        </AlertBox>
      )}
      {sso && (
        <Button
          type="button"
          size="lg"
          variant={passwordLogin ? "secondary" : "primary"}
          className="w-full"
          onClick={() => void signInWithProvider("oidc", callbackPath)}
        >
          <LogIn aria-hidden />
          Sign in with {sso.name}
        </Button>
      )}
      {sso && passwordLogin && (
        <p className="flex items-center gap-3 text-xs text-muted before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
          or with your password
        </p>
      )}
      {passwordLogin && (
        <form onSubmit={handleSubmit} noValidate className="space-y-4">
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
      )}

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

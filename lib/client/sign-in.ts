// Signing in through next-auth's endpoints, as `signIn` of next-auth/react does (see auth.ts).
import { postForm } from "./auth";

/** Where next-auth sends the browser after a form post, and the error it names there, if any. */
async function answerOf(response: Response): Promise<{ url: string | null; error: string | null }> {
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  if (!url) return { url: null, error: response.ok ? null : "CredentialsSignin" };
  return { url, error: new URL(url, window.location.origin).searchParams.get("error") };
}

/**
 * Signs in with an email and a password. Refused, the answer names why: `CredentialsSignin` for a
 * wrong email or password, otherwise the server's own words (e.g. when to try again after too many).
 */
export async function signInWithPassword(
  email: string,
  password: string,
  callbackUrl: string,
): Promise<{ error: string | null }> {
  const response = await postForm("/api/auth/callback/credentials", {
    email,
    password,
    callbackUrl,
  });
  const { error } = await answerOf(response);
  return { error: error ?? (response.ok ? null : "CredentialsSignin") };
}

/** Starts single sign-on with a provider (next-auth's id, e.g. `oidc`): the browser goes there. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const { url } = await answerOf(
    await postForm(`/api/auth/signin/${encodeURIComponent(provider)}`, { callbackUrl }),
  );
  window.location.assign(url ?? callbackUrl);
}

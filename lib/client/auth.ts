// The browser's side of next-auth's documented endpoints (/api/auth/*), as `signIn` and `signOut`
// of next-auth/react do it, without shipping that library and its Babel helpers (7 KB gzip) to the
// sign-in page and the account menu. Signing in is in sign-in.ts: the menu, on every page, only
// signs out.

/** A form post to next-auth with its CSRF token, answering in JSON. */
export async function postForm(path: string, fields: Record<string, string>): Promise<Response> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
}

/** Signs out (the server ends the session) and goes to `callbackUrl`. */
export async function signOut(callbackUrl: string): Promise<void> {
  await postForm("/api/auth/signout", { callbackUrl });
  window.location.assign(callbackUrl);
}

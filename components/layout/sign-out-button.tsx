"use client";

/**
 * Signs out through next-auth's documented endpoint (POST /api/auth/signout with the CSRF token),
 * as `signOut` of next-auth/react does, without shipping that client library on every page.
 */
async function signOut(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  window.location.assign(callbackUrl);
}

/** A menu item that signs out and goes to the sign-in page. */
export function SignOutButton({
  className,
  children,
}: {
  className: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      data-menu-item
      className={className}
      onClick={() => void signOut("/signin")}
    >
      {children}
    </button>
  );
}

"use client";

import { signOut } from "@/lib/client/auth";

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

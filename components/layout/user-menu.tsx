import { CalendarDays, ChevronDown, LogOut } from "lucide-react";
import Link from "next/link";

import { ROLE_NAMES, type Role } from "@/lib/domain/stages";

import { disclosureItemClassName } from "../ui/disclosure-item";
import { DisclosureMenu } from "../ui/disclosure-menu";

import { SignOutButton } from "./sign-out-button";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

/** The account menu: who is signed in, the profile, signing out (rendered on the server). */
export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  return (
    <DisclosureMenu
      label={`Account: ${name}, ${ROLE_NAMES[role]}`}
      className="flex items-center gap-2.5 rounded-md py-1 pr-2 pl-1 text-left hover:bg-surface-muted"
      trigger={
        <>
          {/* Initials drawn by CSS: text here would not be part of the accessible name (WCAG 2.5.3). */}
          <span
            aria-hidden
            data-initials={initials(name)}
            className="flex size-8 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent before:content-[attr(data-initials)]"
          />
          <span className="hidden leading-tight xl:block">
            <span className="block text-sm font-medium text-fg">{name}</span>{" "}
            <span className="block text-xs text-muted">{ROLE_NAMES[role]}</span>
          </span>
          <ChevronDown aria-hidden className="size-4 text-subtle" />
        </>
      }
    >
      <div className="px-2 py-1.5">
        <p className="font-medium text-fg">{name}</p>
        <p className="text-xs text-muted">{email}</p>
      </div>
      <div role="separator" className="-mx-1 my-1 h-px bg-border" />
      <Link href="/profile" data-menu-item className={disclosureItemClassName()}>
        <CalendarDays aria-hidden />
        Profile &amp; calendar feed
      </Link>
      <SignOutButton className={disclosureItemClassName()}>
        <LogOut aria-hidden />
        Sign out
      </SignOutButton>
    </DisclosureMenu>
  );
}

"use client";

import { CalendarDays, ChevronDown, LogOut } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";

import { ROLE_NAMES, type Role } from "@/lib/domain/stages";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex items-center gap-2.5 rounded-md py-1 pr-2 pl-1 text-left hover:bg-surface-muted"
        aria-label={`Account: ${name}, ${ROLE_NAMES[role]}`}
      >
        {/* Initials drawn by CSS: text here would not be part of the accessible name (WCAG 2.5.3). */}
        <span
          aria-hidden
          data-initials={initials(name)}
          className="flex size-8 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent before:content-[attr(data-initials)]"
        />
        <span className="hidden leading-tight sm:block">
          <span className="block text-sm font-medium text-fg">{name}</span>{" "}
          <span className="block text-xs text-muted">{ROLE_NAMES[role]}</span>
        </span>
        <ChevronDown aria-hidden className="size-4 text-subtle" />
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>
          <p className="font-medium text-fg">{name}</p>
          <p className="text-xs text-muted">{email}</p>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/profile">
            <CalendarDays aria-hidden />
            Profile &amp; calendar feed
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/signin" })}>
          <LogOut aria-hidden />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

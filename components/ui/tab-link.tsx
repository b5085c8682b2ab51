"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

export function TabLink({ href, children }: { href: string; children: React.ReactNode }) {
  const isActive = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={isActive ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
        isActive ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
      )}
    >
      {children}
    </Link>
  );
}

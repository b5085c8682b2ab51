"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { disclosureItemClassName } from "../ui/disclosure-item";
import { DisclosureMenu } from "../ui/disclosure-menu";

/**
 * On a phone the views and tools fold into a menu button; My approvals stays beside it (the
 * header places it), so an approver's badge is always in sight.
 */
export function MobileNav({ items }: { items: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <DisclosureMenu
      label="Menu"
      align="left"
      className="flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-muted hover:bg-surface-muted hover:text-fg"
      trigger={
        <>
          <Menu aria-hidden className="size-5" />
          Menu
        </>
      }
    >
      {items.map((item) => {
        const isActive = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            data-menu-item
            aria-current={isActive ? "page" : undefined}
            className={disclosureItemClassName(isActive)}
          >
            {item.label}
          </Link>
        );
      })}
    </DisclosureMenu>
  );
}

import Link from "next/link";

import { can } from "@/lib/permissions";
import type { SessionUser } from "@/lib/types/user";

import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

/** The main views, in the order of UI.md; My approvals (with its count) sits between the two groups. */
const VIEWS = [
  { href: "/timeline", label: "Timeline" },
  { href: "/calendar", label: "Calendar" },
  { href: "/releases", label: "Releases" },
  { href: "/environments", label: "Environments" },
] as const;
const TOOLS = [
  { href: "/reports", label: "Reports" },
  { href: "/plan", label: "Plan" },
  { href: "/products", label: "Products" },
] as const;

/** Links of the header shown from a tablet up (a phone has them in its menu). */
function WideNavLinks({ items }: { items: readonly { href: string; label: string }[] }) {
  return (
    <div className="hidden md:contents">
      {items.map((item) => (
        <NavLink key={item.href} href={item.href}>
          {item.label}
        </NavLink>
      ))}
    </div>
  );
}

/** How many stages and outcomes wait for the person, on the My approvals link (none: no badge). */
export function ApprovalCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span
      data-testid="approval-count"
      aria-label={`${count} waiting`}
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-accent px-1.5 text-[11px] font-semibold text-white tabular"
    >
      {count}
    </span>
  );
}

/**
 * The header. `approvalCount` is the slot of the My approvals badge: the layout streams it in
 * (counting what waits reads every open stage of the portfolio; the page need not wait for it).
 */
export function AppHeader({
  user,
  approvalCount,
}: {
  user: SessionUser;
  approvalCount: React.ReactNode;
}) {
  const tools = can(user.role, "settings.manage")
    ? [...TOOLS, { href: "/admin", label: "Admin" }]
    : TOOLS;
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1440px] items-center gap-3 px-4 sm:px-6 lg:gap-6">
        <Link
          href="/"
          aria-label="Release Calendar, home"
          className="flex shrink-0 items-center gap-2 rounded-md font-semibold whitespace-nowrap text-fg"
        >
          <Logo />
          {/* On a tablet the views need the room: the logo alone stands for the product. */}
          <span aria-hidden className="hidden xl:inline">
            Release Calendar
          </span>
        </Link>
        <nav
          aria-label="Main"
          className="flex min-w-0 flex-1 [scrollbar-width:none] items-center whitespace-nowrap md:overflow-x-auto"
        >
          {/* A phone folds the views and tools into a menu; My approvals stays in sight. */}
          <div className="md:hidden">
            <MobileNav items={[...VIEWS, ...tools]} />
          </div>
          <WideNavLinks items={VIEWS} />
          <NavLink href="/approvals">
            My approvals
            {approvalCount}
          </NavLink>
          <WideNavLinks items={tools} />
        </nav>
        <UserMenu name={user.name} email={user.email} role={user.role} />
      </div>
    </header>
  );
}

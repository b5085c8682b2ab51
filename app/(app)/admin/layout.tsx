import { PageHeader } from "@/components/layout/page-header";
import { TabLink } from "@/components/ui/tab-link";
import { requirePermission } from "@/lib/server/auth/session";

const TABS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/stages", label: "Stages" },
  { href: "/admin/calendar", label: "Calendar" },
  { href: "/admin/windows", label: "Deployment windows" },
  { href: "/admin/general", label: "Region, time zone & environments" },
  { href: "/admin/notifications", label: "Notifications" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("settings.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Administration"
        description="People and their access, and the planning settings for everyone. Every change is recorded in the audit trail."
      />
      <nav aria-label="Administration" className="flex gap-1 border-b border-border">
        {TABS.map((tab) => (
          <TabLink key={tab.href} href={tab.href}>
            {tab.label}
          </TabLink>
        ))}
      </nav>
      {children}
    </div>
  );
}

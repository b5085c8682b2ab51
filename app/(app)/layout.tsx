import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/current-user";
import { listMyApprovals } from "@/lib/server/releases/list-my-approvals";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const { items } = await listMyApprovals(user);
  return (
    <>
      <AppHeader user={user} approvalCount={items.length} />
      <main className="mx-auto max-w-[1440px] px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}

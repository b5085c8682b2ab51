import { AppHeader } from "@/components/layout/app-header";
import { ReleaseCommandsProvider } from "@/components/releases/release-commands";
import { Toaster } from "@/components/ui/toaster";
import {
  changeStatusAction,
  reopenAction,
  replanAction,
  signOffAction,
} from "@/lib/server/actions/releases";
import { requireUser } from "@/lib/server/auth/session";
import { countWhatWaits } from "@/lib/server/releases/list-my-approvals";

const RELEASE_COMMANDS = {
  signOff: signOffAction,
  reopen: reopenAction,
  changeStatus: changeStatusAction,
  replan: replanAction,
};

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const approvalCount = await countWhatWaits(user);
  return (
    <Toaster>
      <ReleaseCommandsProvider commands={RELEASE_COMMANDS}>
        <AppHeader user={user} approvalCount={approvalCount} />
        <main className="mx-auto max-w-[1440px] px-4 py-8 sm:px-6">{children}</main>
      </ReleaseCommandsProvider>
    </Toaster>
  );
}

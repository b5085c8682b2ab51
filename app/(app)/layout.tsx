import { Suspense } from "react";

import { AppHeader, ApprovalCount } from "@/components/layout/app-header";
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
import type { SessionUser } from "@/lib/types/user";

const RELEASE_COMMANDS = {
  signOff: signOffAction,
  reopen: reopenAction,
  changeStatus: changeStatusAction,
  replan: replanAction,
};

async function WaitingCount({ user }: { user: SessionUser }) {
  return <ApprovalCount count={await countWhatWaits(user)} />;
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <Toaster>
      <ReleaseCommandsProvider commands={RELEASE_COMMANDS}>
        <AppHeader
          user={user}
          approvalCount={
            // Streamed: the page renders meanwhile, the badge follows when counted.
            <Suspense fallback={null}>
              <WaitingCount user={user} />
            </Suspense>
          }
        />
        <main className="mx-auto max-w-[1440px] px-4 py-8 sm:px-6">{children}</main>
      </ReleaseCommandsProvider>
    </Toaster>
  );
}

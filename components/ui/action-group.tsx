import type { ActionState } from "@/lib/action-state";

import { FormStatus } from "./form-status";

/** Buttons that run server actions, with what went wrong under them. */
export function ActionGroup({
  problem,
  children,
}: {
  problem: ActionState | null;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">{children}</div>
      {problem && <FormStatus state={problem} />}
    </div>
  );
}

import type { ActionState } from "@/lib/action-state";

import { FormStatus } from "./form-status";

/** Buttons that run server actions, with what went wrong under them. */
export function ActionGroup({
  problem,
  align = "end",
  children,
}: {
  problem: ActionState | null;
  /** Which edge the buttons and the problem line up with (the end: a toolbar on the right). */
  align?: "start" | "end";
  children: React.ReactNode;
}) {
  return (
    <div
      className={
        align === "end" ? "flex flex-col items-end gap-1" : "flex flex-col items-start gap-1"
      }
    >
      <div className="flex items-center gap-2">{children}</div>
      {problem && <FormStatus state={problem} />}
    </div>
  );
}

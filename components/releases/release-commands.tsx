"use client";

import { createContext, useContext } from "react";

import type { ActionState } from "@/lib/action-state";
import type {
  ReplanCommand,
  StageDecisionCommand,
  StageReopenCommand,
  StatusCommand,
} from "@/lib/validation/releases";

/**
 * The server actions that change a release, handed down once by the signed-in layout. Components
 * call them through this context instead of importing server code, so the stage drawer and the
 * re-plan dialog work wherever they open (release page, timeline, calendar, environments).
 */
export type ReleaseCommands = {
  signOff: (command: StageDecisionCommand) => Promise<ActionState>;
  reopen: (command: StageReopenCommand) => Promise<ActionState>;
  changeStatus: (command: StatusCommand) => Promise<ActionState>;
  replan: (command: ReplanCommand) => Promise<ActionState>;
};

const ReleaseCommandsContext = createContext<ReleaseCommands | null>(null);

export function ReleaseCommandsProvider({
  commands,
  children,
}: {
  commands: ReleaseCommands;
  children: React.ReactNode;
}) {
  return <ReleaseCommandsContext value={commands}>{children}</ReleaseCommandsContext>;
}

export function useReleaseCommands(): ReleaseCommands {
  const commands = useContext(ReleaseCommandsContext);
  if (!commands) throw new Error("useReleaseCommands needs a ReleaseCommandsProvider above it.");
  return commands;
}

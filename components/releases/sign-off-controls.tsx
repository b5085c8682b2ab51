"use client";

import { Check, RotateCcw, X } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { ViewerActions } from "@/lib/types/release";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { LazyDialog, lazyIsland } from "../ui/lazy-island";
import { useActionRunner } from "../ui/use-action-runner";

import { useReleaseCommands } from "./release-commands";
import type { Decision, DecisionSubject } from "./sign-off-dialog";
import type { SignOffSubject } from "./sign-off-subject";

// The confirmation (with its comment field) loads when a decision button is first reached.
const decisionDialog = lazyIsland(() =>
  import("./sign-off-dialog").then((module) => module.SignOffDialog),
);

type Props = SignOffSubject & {
  /** What the viewer may decide or reopen now (the domain rules' answer, see ViewerActions). */
  viewer: Pick<ViewerActions, "decidableStage" | "reopenableStage"> &
    Partial<Pick<ViewerActions, "decidingFor">>;
  /** Called after a successful decision (e.g. to reload a drawer). */
  onChanged?: () => void;
};

/** Sign off, reject or reopen the current stage, each after a confirmation. Shown only to those allowed. */
export function SignOffControls({ release, stage, viewer, onChanged }: Props) {
  const { id: releaseId } = release;
  const { key: stageKey } = stage;
  const canDecide = viewer.decidableStage === stageKey;
  const canReopen = viewer.reopenableStage === stageKey;
  const deputyFor = viewer.decidingFor ?? null;
  const { signOff, reopen } = useReleaseCommands();
  const runner = useActionRunner(onChanged);
  const { isPending } = runner;

  if (!canDecide && !canReopen) return null;
  const subject: DecisionSubject = {
    releaseName: release.name,
    stageKey,
    stageName: stage.name,
    approvalsMissing: stage.approvalsMissing,
    deputyName: deputyFor?.name ?? null,
  };
  const ask = (decision: Decision, trigger: React.ReactElement) => (
    <LazyDialog
      dialog={decisionDialog}
      trigger={trigger}
      content={{
        decision,
        subject,
        onConfirm: (comment: string) =>
          runner.run((): Promise<ActionState> =>
            decision === "REOPEN"
              ? reopen({ releaseId, key: stageKey, comment })
              : signOff({ releaseId, key: stageKey, decision, comment, onBehalfOf: deputyFor?.id }),
          ),
      }}
    />
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canDecide &&
          ask(
            "APPROVE",
            <Button size="sm" disabled={isPending}>
              <Check aria-hidden />
              {stageKey === "PROD" ? "Confirm go-live" : "Sign off"}
              {deputyFor && <span className="font-normal">for {deputyFor.name}</span>}
            </Button>,
          )}
        {canDecide &&
          ask(
            "REJECT",
            <Button size="sm" variant="secondary-danger" disabled={isPending}>
              <X aria-hidden />
              Reject
            </Button>,
          )}
        {canReopen &&
          ask(
            "REOPEN",
            <Button size="sm" variant="secondary" disabled={isPending}>
              <RotateCcw aria-hidden />
              Reopen
            </Button>,
          )}
      </div>
      {runner.problem && <FormStatus state={runner.problem} />}
    </div>
  );
}

"use client";

import { Check, RotateCcw, X } from "lucide-react";
import { useState } from "react";

import type { ActionState } from "@/lib/action-state";
import type { ViewerActions } from "@/lib/types/release";

import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormStatus } from "../ui/form-status";
import { Label } from "../ui/input";
import { Textarea } from "../ui/textarea";
import { useActionRunner } from "../ui/use-action-runner";

import { useReleaseCommands } from "./release-commands";
import type { SignOffSubject } from "./sign-off-subject";

type Props = SignOffSubject & {
  /** What the viewer may decide or reopen now (the domain rules' answer, see ViewerActions). */
  viewer: Pick<ViewerActions, "decidableStage" | "reopenableStage"> &
    Partial<Pick<ViewerActions, "decidingFor">>;
  /** Called after a successful decision (e.g. to reload a drawer). */
  onChanged?: () => void;
};

function CommentField({
  id,
  value,
  onChange,
  isRequired,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  isRequired: boolean;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>Comment{isRequired ? "" : " (optional)"}</Label>
      <Textarea
        id={id}
        value={value}
        maxLength={2000}
        required={isRequired}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** Sign off, reject or reopen the current stage, each after a confirmation. Shown only to those allowed. */
export function SignOffControls({ release, stage, viewer, onChanged }: Props) {
  const { id: releaseId, name: releaseName } = release;
  const { key: stageKey, name: stageName, approvalsMissing } = stage;
  const canDecide = viewer.decidableStage === stageKey;
  const canReopen = viewer.reopenableStage === stageKey;
  const deputyFor = viewer.decidingFor ?? null;
  const onBehalfOf = deputyFor?.id;
  const asDeputy = deputyFor ? ` as deputy for ${deputyFor.name}` : "";
  const { signOff, reopen } = useReleaseCommands();
  const [comment, setComment] = useState("");
  const runner = useActionRunner(onChanged);
  const { isPending } = runner;

  function run(action: () => Promise<ActionState>) {
    setComment("");
    runner.run(action);
  }

  if (!canDecide && !canReopen) return null;
  const closesStage = approvalsMissing <= 1;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canDecide && (
          <>
            <ConfirmDialog
              title={`Sign off ${stageName}?`}
              description={
                closesStage
                  ? `${releaseName}: you sign${asDeputy}; this closes ${stageName} today and opens the next stage${stageKey === "PROD" ? " — the release goes live" : ""}.`
                  : `${releaseName}: your approval${asDeputy} is recorded; ${approvalsMissing - 1} more needed to close ${stageName}.`
              }
              confirmLabel={stageKey === "PROD" ? "Confirm go-live" : "Sign off"}
              onOpenChange={() => setComment("")}
              onConfirm={() =>
                run(() =>
                  signOff({ releaseId, key: stageKey, decision: "APPROVE", comment, onBehalfOf }),
                )
              }
              trigger={
                <Button size="sm" disabled={isPending}>
                  <Check aria-hidden />
                  {stageKey === "PROD" ? "Confirm go-live" : "Sign off"}
                  {deputyFor && <span className="font-normal">for {deputyFor.name}</span>}
                </Button>
              }
            >
              <CommentField
                id={`approve-${stageKey}`}
                value={comment}
                onChange={setComment}
                isRequired={false}
              />
            </ConfirmDialog>
            <ConfirmDialog
              title={`Reject ${stageName}?`}
              description={`${releaseName}: a rejection${asDeputy} blocks ${stageName} until a release manager reopens it. Say what is wrong.`}
              confirmLabel="Reject"
              tone="danger"
              confirmDisabled={comment.trim() === ""}
              onOpenChange={() => setComment("")}
              onConfirm={() =>
                run(() =>
                  signOff({ releaseId, key: stageKey, decision: "REJECT", comment, onBehalfOf }),
                )
              }
              trigger={
                <Button size="sm" variant="secondary-danger" disabled={isPending}>
                  <X aria-hidden />
                  Reject
                </Button>
              }
            >
              <CommentField
                id={`reject-${stageKey}`}
                value={comment}
                onChange={setComment}
                isRequired
              />
            </ConfirmDialog>
          </>
        )}
        {canReopen && (
          <ConfirmDialog
            title={`Reopen ${stageName}?`}
            description={`${releaseName}: the approvals of ${stageName} start again from zero.`}
            confirmLabel="Reopen"
            onOpenChange={() => setComment("")}
            onConfirm={() => run(() => reopen({ releaseId, key: stageKey, comment }))}
            trigger={
              <Button size="sm" variant="secondary" disabled={isPending}>
                <RotateCcw aria-hidden />
                Reopen
              </Button>
            }
          >
            <CommentField
              id={`reopen-${stageKey}`}
              value={comment}
              onChange={setComment}
              isRequired={false}
            />
          </ConfirmDialog>
        )}
      </div>
      {runner.problem && <FormStatus state={runner.problem} />}
    </div>
  );
}

"use client";

import { Ban, CalendarClock, Pause, Pencil, Play } from "lucide-react";
import { Suspense, useState } from "react";

import type { ReleaseCommand } from "@/lib/domain/release-commands";

import { Button } from "../ui/button";
import { ButtonLink } from "../ui/button-link";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormStatus } from "../ui/form-status";
import { Label } from "../ui/input";
import { lazyIsland } from "../ui/lazy-island";
import { Textarea } from "../ui/textarea";
import { useActionRunner } from "../ui/use-action-runner";

import { useReleaseCommands } from "./release-commands";

// The what-if re-plan (a month picker, the preview, a dialog) loads when first wanted.
const replanDialog = lazyIsland(() => import("./replan-dialog").then((m) => m.ReplanDialog));

type Props = {
  releaseId: string;
  releaseName: string;
  revision: number;
  /** What the viewer may do with the release now, as the domain rules say (viewer.commands). */
  commands: readonly ReleaseCommand[];
};

/** A release manager's actions on a release: edit, re-plan (with a what-if), hold / resume, cancel (with a reason). */
export function ReleaseActions({ releaseId, releaseName, revision, commands }: Props) {
  const { changeStatus } = useReleaseCommands();
  const [reason, setReason] = useState("");
  const { run: runAction, isPending, problem } = useActionRunner();
  const [isReplanning, setReplanning] = useState(false);
  const may = (command: ReleaseCommand) => commands.includes(command);

  function run(command: "HOLD" | "RESUME" | "CANCEL") {
    runAction(() => changeStatus({ releaseId, revision, command, reason }));
    setReason("");
  }

  const reasonField = (id: string, label: string) => (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        id={id}
        value={reason}
        maxLength={1000}
        onChange={(event) => setReason(event.target.value)}
      />
    </div>
  );

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {may("EDIT") && (
          <ButtonLink variant="secondary" href={`/releases/${releaseId}/edit`}>
            <Pencil aria-hidden />
            Edit
          </ButtonLink>
        )}
        {may("REPLAN") && (
          <Button
            variant="secondary"
            aria-haspopup="dialog"
            onPointerEnter={replanDialog.preload}
            onFocus={replanDialog.preload}
            onClick={() => setReplanning(true)}
          >
            <CalendarClock aria-hidden />
            Re-plan
          </Button>
        )}
        {may("HOLD") && (
          <ConfirmDialog
            title={`Put ${releaseName} on hold?`}
            description="No stage can be signed off while the release is on hold. The reason is shown on the release."
            confirmLabel="Put on hold"
            confirmDisabled={reason.trim() === ""}
            onOpenChange={() => setReason("")}
            onConfirm={() => run("HOLD")}
            trigger={
              <Button variant="secondary" disabled={isPending}>
                <Pause aria-hidden />
                Hold
              </Button>
            }
          >
            {reasonField("hold-reason", "Reason")}
          </ConfirmDialog>
        )}
        {may("RESUME") && (
          <ConfirmDialog
            title={`Resume ${releaseName}?`}
            description="Sign-offs are possible again."
            confirmLabel="Resume"
            onOpenChange={() => setReason("")}
            onConfirm={() => run("RESUME")}
            trigger={
              <Button variant="secondary" disabled={isPending}>
                <Play aria-hidden />
                Resume
              </Button>
            }
          >
            {reasonField("resume-comment", "Comment (optional)")}
          </ConfirmDialog>
        )}
        {may("CANCEL") && (
          <ConfirmDialog
            title={`Cancel ${releaseName}?`}
            description="A cancelled release cannot be signed off, re-planned or resumed. This cannot be undone."
            confirmLabel="Cancel release"
            cancelLabel="Keep release"
            tone="danger"
            confirmDisabled={reason.trim() === ""}
            onOpenChange={() => setReason("")}
            onConfirm={() => run("CANCEL")}
            trigger={
              <Button variant="secondary-danger" disabled={isPending}>
                <Ban aria-hidden />
                Cancel release
              </Button>
            }
          >
            {reasonField("cancel-reason", "Reason")}
          </ConfirmDialog>
        )}
      </div>
      {problem && <FormStatus state={problem} />}
      {isReplanning && (
        <Suspense fallback={null}>
          <replanDialog.Component
            releaseId={releaseId}
            initial={{ mode: "goLive" }}
            onClose={() => setReplanning(false)}
          />
        </Suspense>
      )}
    </div>
  );
}

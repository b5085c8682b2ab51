"use client";

import { Ban, CalendarClock, Pause, Pencil, Play } from "lucide-react";
import { Suspense, useState } from "react";

import type { ReleaseCommand } from "@/lib/domain/release-commands";

import { Button } from "../ui/button";
import { ButtonLink } from "../ui/button-link";
import { FormStatus } from "../ui/form-status";
import { LazyDialog, lazyIsland } from "../ui/lazy-island";
import { useActionRunner } from "../ui/use-action-runner";

import { useReleaseCommands } from "./release-commands";
import type { StatusCommand } from "./status-change-dialog";

// The what-if re-plan (a month picker, the preview, a dialog) loads when first wanted.
const replanDialog = lazyIsland(() => import("./replan-dialog").then((m) => m.ReplanDialog));
// Hold, resume and cancel ask for a reason in a confirmation that loads when first reached.
const statusDialog = lazyIsland(() =>
  import("./status-change-dialog").then((m) => m.StatusChangeDialog),
);

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
  const { run: runAction, isPending, problem } = useActionRunner();
  const [isReplanning, setReplanning] = useState(false);
  const may = (command: ReleaseCommand) => commands.includes(command);

  const ask = (command: StatusCommand, trigger: React.ReactElement) => (
    <LazyDialog
      dialog={statusDialog}
      trigger={trigger}
      content={{
        command,
        releaseName,
        onConfirm: (reason: string) =>
          runAction(() => changeStatus({ releaseId, revision, command, reason })),
      }}
    />
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
        {may("HOLD") &&
          ask(
            "HOLD",
            <Button variant="secondary" disabled={isPending}>
              <Pause aria-hidden />
              Hold
            </Button>,
          )}
        {may("RESUME") &&
          ask(
            "RESUME",
            <Button variant="secondary" disabled={isPending}>
              <Play aria-hidden />
              Resume
            </Button>,
          )}
        {may("CANCEL") &&
          ask(
            "CANCEL",
            <Button variant="secondary-danger" disabled={isPending}>
              <Ban aria-hidden />
              Cancel release
            </Button>,
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

"use client";

import { CommentConfirmDialog } from "../ui/comment-confirm-dialog";

export type StatusCommand = "HOLD" | "RESUME" | "CANCEL";

/** What the confirmation says for each command, and what its text field asks. */
function wording(command: StatusCommand, releaseName: string) {
  switch (command) {
    case "HOLD":
      return {
        title: `Put ${releaseName} on hold?`,
        description:
          "No stage can be signed off while the release is on hold. The reason is shown on the release.",
        confirmLabel: "Put on hold",
        tone: "primary" as const,
        field: { id: "hold-reason", label: "Reason", isRequired: true, maxLength: 1000 },
      };
    case "RESUME":
      return {
        title: `Resume ${releaseName}?`,
        description: "Sign-offs are possible again.",
        confirmLabel: "Resume",
        tone: "primary" as const,
        field: {
          id: "resume-comment",
          label: "Comment (optional)",
          isRequired: false,
          maxLength: 1000,
        },
      };
    case "CANCEL":
      return {
        title: `Cancel ${releaseName}?`,
        description:
          "A cancelled release cannot be signed off, re-planned or resumed. This cannot be undone.",
        confirmLabel: "Cancel release",
        cancelLabel: "Keep release",
        tone: "danger" as const,
        field: { id: "cancel-reason", label: "Reason", isRequired: true, maxLength: 1000 },
      };
  }
}

/**
 * The confirmation of putting a release on hold, resuming or cancelling it, with the reason
 * (required to hold or cancel). Loaded when its button is first pointed at, focused or pressed.
 */
export function StatusChangeDialog({
  command,
  releaseName,
  onConfirm,
  onOpenChange,
}: {
  command: StatusCommand;
  releaseName: string;
  onConfirm: (reason: string) => void;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <CommentConfirmDialog
      {...wording(command, releaseName)}
      onConfirm={onConfirm}
      onOpenChange={onOpenChange}
    />
  );
}

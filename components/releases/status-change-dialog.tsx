"use client";

import { useState } from "react";

import { ConfirmDialogContent } from "../ui/confirm-dialog-content";
import { Label } from "../ui/input";
import { Textarea } from "../ui/textarea";

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
        field: { id: "hold-reason", label: "Reason", isRequired: true },
      };
    case "RESUME":
      return {
        title: `Resume ${releaseName}?`,
        description: "Sign-offs are possible again.",
        confirmLabel: "Resume",
        tone: "primary" as const,
        field: { id: "resume-comment", label: "Comment (optional)", isRequired: false },
      };
    case "CANCEL":
      return {
        title: `Cancel ${releaseName}?`,
        description:
          "A cancelled release cannot be signed off, re-planned or resumed. This cannot be undone.",
        confirmLabel: "Cancel release",
        cancelLabel: "Keep release",
        tone: "danger" as const,
        field: { id: "cancel-reason", label: "Reason", isRequired: true },
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
  const [reason, setReason] = useState("");
  const { field, ...words } = wording(command, releaseName);
  return (
    <ConfirmDialogContent
      {...words}
      confirmDisabled={field.isRequired && reason.trim() === ""}
      onConfirm={() => onConfirm(reason)}
      onOpenChange={onOpenChange}
    >
      <div className="space-y-1.5">
        <Label htmlFor={field.id}>{field.label}</Label>
        <Textarea
          id={field.id}
          value={reason}
          maxLength={1000}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
    </ConfirmDialogContent>
  );
}

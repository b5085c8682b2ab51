"use client";

import type { StageKey } from "@/lib/domain/stages";

import { CommentConfirmDialog } from "../ui/comment-confirm-dialog";

export type Decision = "APPROVE" | "REJECT" | "REOPEN";

export type DecisionSubject = {
  releaseName: string;
  stageKey: StageKey;
  stageName: string;
  approvalsMissing: number;
  /** Whom the viewer decides for, as a deputy. */
  deputyName: string | null;
};

/** What the confirmation says for a decision, and whether it needs a comment. */
function wording(decision: Decision, subject: DecisionSubject) {
  const { releaseName, stageKey, stageName, approvalsMissing, deputyName } = subject;
  const asDeputy = deputyName ? ` as deputy for ${deputyName}` : "";
  switch (decision) {
    case "APPROVE":
      return {
        title: `Sign off ${stageName}?`,
        description:
          approvalsMissing <= 1
            ? `${releaseName}: you sign${asDeputy}; this closes ${stageName} today and opens the next stage${stageKey === "PROD" ? " — the release goes live" : ""}.`
            : `${releaseName}: your approval${asDeputy} is recorded; ${approvalsMissing - 1} more needed to close ${stageName}.`,
        confirmLabel: stageKey === "PROD" ? "Confirm go-live" : "Sign off",
        tone: "primary" as const,
        needsComment: false,
      };
    case "REJECT":
      return {
        title: `Reject ${stageName}?`,
        description: `${releaseName}: a rejection${asDeputy} blocks ${stageName} until a release manager reopens it. Say what is wrong.`,
        confirmLabel: "Reject",
        tone: "danger" as const,
        needsComment: true,
      };
    case "REOPEN":
      return {
        title: `Reopen ${stageName}?`,
        description: `${releaseName}: the approvals of ${stageName} start again from zero.`,
        confirmLabel: "Reopen",
        tone: "primary" as const,
        needsComment: false,
      };
  }
}

/**
 * The confirmation of a sign-off, a rejection or a reopening, with its comment (required to
 * reject). Loaded when one of the decision buttons is first pointed at, focused or pressed.
 */
export function SignOffDialog({
  decision,
  subject,
  onConfirm,
  onOpenChange,
}: {
  decision: Decision;
  subject: DecisionSubject;
  onConfirm: (comment: string) => void;
  onOpenChange: (open: boolean) => void;
}) {
  const { needsComment, ...words } = wording(decision, subject);
  return (
    <CommentConfirmDialog
      {...words}
      field={{
        id: `${decision.toLowerCase()}-${subject.stageKey}`,
        label: `Comment${needsComment ? "" : " (optional)"}`,
        isRequired: needsComment,
        maxLength: 2000,
      }}
      onConfirm={onConfirm}
      onOpenChange={onOpenChange}
    />
  );
}

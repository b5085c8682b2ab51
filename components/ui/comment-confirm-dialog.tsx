"use client";

import { useState } from "react";

import { type ConfirmContentProps, ConfirmDialogContent } from "./confirm-dialog-content";
import { Label } from "./input";
import { Textarea } from "./textarea";

/**
 * A confirmation with a text field for a comment or a reason, given to `onConfirm`; when the field
 * is required, the confirm button waits for it. The field starts empty at every opening.
 */
export function CommentConfirmDialog({
  field,
  onConfirm,
  onOpenChange,
  ...words
}: Omit<ConfirmContentProps, "children" | "confirmDisabled" | "onConfirm"> & {
  field: { id: string; label: string; isRequired: boolean; maxLength: number };
  onConfirm: (text: string) => void;
  onOpenChange: (open: boolean) => void;
}) {
  const [text, setText] = useState("");
  return (
    <ConfirmDialogContent
      {...words}
      confirmDisabled={field.isRequired && text.trim() === ""}
      onConfirm={() => onConfirm(text)}
      onOpenChange={onOpenChange}
    >
      <div className="space-y-1.5">
        <Label htmlFor={field.id}>{field.label}</Label>
        <Textarea
          id={field.id}
          value={text}
          maxLength={field.maxLength}
          required={field.isRequired}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
    </ConfirmDialogContent>
  );
}

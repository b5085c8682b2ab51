"use client";

import { Pencil, Send } from "lucide-react";
import { Suspense, useState } from "react";

import type { ActionState } from "@/lib/action-state";
import type { ReleaseNotesDto } from "@/lib/types/notes";

import { ActionGroup } from "../ui/action-group";
import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { useActionRunner } from "../ui/use-action-runner";

export type Preview = (raw: { markdown: string }) => Promise<ActionState & { html?: string }>;

export type NotesActions = {
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
  publish: (raw: { releaseId: string }) => Promise<ActionState>;
  preview: Preview;
};

// The editor (with its live preview) loads when a release manager starts writing.
const editor = lazyIsland(() => import("./notes-editor").then((m) => m.NotesEditor));

/**
 * A release manager's side of the notes panel: Write/Edit and Publish beside the heading, and the
 * editor in place of the notes while writing. The heading and the notes come rendered by the server.
 */
export function NotesEditing({
  notes,
  actions,
  heading,
  display,
}: {
  notes: ReleaseNotesDto;
  actions: NotesActions;
  heading: React.ReactNode;
  display: React.ReactNode;
}) {
  const [isEditing, setEditing] = useState(false);
  const { run, isPending, problem } = useActionRunner();
  const isEmpty = notes.markdown.trim() === "";
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        {heading}
        {!isEditing && (
          <ActionGroup problem={problem}>
            <Button
              variant="secondary"
              size="sm"
              onPointerEnter={editor.preload}
              onFocus={editor.preload}
              onClick={() => setEditing(true)}
            >
              <Pencil aria-hidden />
              {isEmpty ? "Write notes" : "Edit notes"}
            </Button>
            {!isEmpty && notes.state === "DRAFT" && (
              <Button
                size="sm"
                disabled={isPending}
                onClick={() => run(() => actions.publish({ releaseId: notes.releaseId }))}
              >
                <Send aria-hidden />
                Publish
              </Button>
            )}
          </ActionGroup>
        )}
      </div>
      {isEditing ? (
        <Suspense fallback={null}>
          <editor.Component notes={notes} actions={actions} onDone={() => setEditing(false)} />
        </Suspense>
      ) : (
        display
      )}
    </>
  );
}

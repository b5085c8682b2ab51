"use client";

import { Pencil, Send } from "lucide-react";
import { Suspense, useState } from "react";

import type { ActionState } from "@/lib/action-state";
import type { ReleaseNotesDto } from "@/lib/types/notes";

import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ActionGroup } from "../ui/dialog-actions";
import { lazyIsland } from "../ui/lazy-island";
import { LocalTime } from "../ui/local-time";
import { useActionRunner } from "../ui/use-action-runner";

import { NotesHtml } from "./notes-html";

export type Preview = (raw: { markdown: string }) => Promise<ActionState & { html?: string }>;

export type NotesActions = {
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
  publish: (raw: { releaseId: string }) => Promise<ActionState>;
  preview: Preview;
};

// The editor (with its live preview) loads when a release manager starts writing.
const editor = lazyIsland(() => import("./notes-editor").then((m) => m.NotesEditor));

/**
 * The release's notes: what it brings, for the people who wait for it. Release managers write them
 * with a live preview (or the pipeline pushes the commits) and publish them; they are published at
 * go-live at the latest.
 */
export function ReleaseNotesPanel({
  notes,
  actions,
  isCancelled,
}: {
  notes: ReleaseNotesDto;
  /** Present for release managers. */
  actions?: NotesActions;
  isCancelled: boolean;
}) {
  const [isEditing, setEditing] = useState(false);
  const { run, isPending, problem } = useActionRunner();
  const mayChange = actions && !isCancelled;
  const isEmpty = notes.markdown.trim() === "";
  return (
    <section aria-labelledby="notes-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2
            id="notes-heading"
            className="flex items-center gap-2 text-base font-semibold text-fg"
          >
            Release notes
            {!isEmpty &&
              (notes.state === "PUBLISHED" ? (
                <Badge tone="success">Published</Badge>
              ) : (
                <Badge tone="neutral">Draft</Badge>
              ))}
          </h2>
          <p className="text-sm text-muted">
            {notes.state === "PUBLISHED" && notes.publishedAt ? (
              <>
                Published <LocalTime iso={notes.publishedAt} />; watchers read them when the release
                goes live.
              </>
            ) : (
              "What this release brings, for the people who wait for it. A draft until published — at go-live at the latest."
            )}
            {notes.updatedBy && notes.updatedAt && (
              <>
                {" "}
                Last written by {notes.updatedBy.name}, <LocalTime iso={notes.updatedAt} />.
              </>
            )}
          </p>
        </div>
        {mayChange && !isEditing && (
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
      {isEditing && actions ? (
        <Suspense fallback={null}>
          <editor.Component notes={notes} actions={actions} onDone={() => setEditing(false)} />
        </Suspense>
      ) : isEmpty ? (
        <p className="rounded-lg border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">
          No notes yet.
          {actions &&
            " Write them here, or let the pipeline push the release's commits (PUT /api/releases/{id}/notes)."}
        </p>
      ) : (
        <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
          <NotesHtml html={notes.html} />
        </div>
      )}
    </section>
  );
}

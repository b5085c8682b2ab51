"use client";

import { Loader2, Pencil, Send } from "lucide-react";
import { useActionState, useEffect, useState, useTransition } from "react";

import { type ActionState, IDLE } from "@/lib/action-state";
import type { ReleaseNotesDto } from "@/lib/types/notes";

import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ActionGroup } from "../ui/dialog-actions";
import { FormStatus } from "../ui/form-status";
import { LocalTime } from "../ui/local-time";
import { Textarea } from "../ui/textarea";
import { useActionRunner } from "../ui/use-action-runner";

import { NotesHtml } from "./notes-html";

type Preview = (raw: { markdown: string }) => Promise<ActionState & { html?: string }>;

export type NotesActions = {
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
  publish: (raw: { releaseId: string }) => Promise<ActionState>;
  preview: Preview;
};

/** The Markdown as it will read, rendered by the server a moment after each keystroke. */
function usePreview(markdown: string, preview: Preview, initial: string): string {
  const [html, setHtml] = useState(initial);
  const [, startTransition] = useTransition();
  useEffect(() => {
    const timer = setTimeout(() => {
      startTransition(async () => {
        const answer = await preview({ markdown });
        if (answer.html !== undefined) setHtml(answer.html);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [markdown, preview]);
  return html;
}

function NotesEditor({
  notes,
  actions,
  onDone,
}: {
  notes: ReleaseNotesDto;
  actions: NotesActions;
  onDone: () => void;
}) {
  const [markdown, setMarkdown] = useState(notes.markdown);
  const [state, action, isPending] = useActionState(actions.save, IDLE);
  const html = usePreview(markdown, actions.preview, notes.html);
  useEffect(() => {
    if (state.status === "success") onDone();
  }, [state, onDone]);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="releaseId" value={notes.releaseId} />
      <div className="grid gap-4 lg:grid-cols-2">
        <label className="block space-y-1.5">
          <span className="text-sm font-medium text-fg">Markdown</span>
          <Textarea
            name="markdown"
            value={markdown}
            onChange={(event) => setMarkdown(event.target.value)}
            rows={14}
            text="code"
            placeholder={
              "### Features\n\n- Refunds in one call\n\n### Fixes\n\n- Totals round half up"
            }
          />
          <span className="block text-xs text-muted">
            GitHub-flavoured Markdown: headings, lists, links, tables, code. Raw HTML is dropped.
          </span>
        </label>
        <div className="space-y-1.5">
          <span className="text-sm font-medium text-fg" id="notes-preview-label">
            Preview
          </span>
          <div
            aria-labelledby="notes-preview-label"
            aria-live="polite"
            className="min-h-[12rem] rounded-md border border-border bg-surface p-4"
            data-testid="notes-preview"
          >
            {html ? (
              <NotesHtml html={html} />
            ) : (
              <p className="text-sm text-muted">The notes appear here as readers will see them.</p>
            )}
          </div>
        </div>
      </div>
      <FormStatus state={state} />
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save notes
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

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
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
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
        <NotesEditor notes={notes} actions={actions} onDone={() => setEditing(false)} />
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

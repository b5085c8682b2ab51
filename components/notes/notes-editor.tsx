"use client";

import { Loader2 } from "lucide-react";
import { useActionState, useEffect, useState, useTransition } from "react";

import { IDLE } from "@/lib/action-state";
import type { ReleaseNotesDto } from "@/lib/types/notes";

import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { Textarea } from "../ui/textarea";

import type { NotesActions, Preview } from "./notes-editing";
import { NotesHtml } from "./notes-html";

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

export function NotesEditor({
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

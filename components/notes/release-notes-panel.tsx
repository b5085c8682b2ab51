import type { ReleaseNotesDto } from "@/lib/types/notes";

import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";

import { type NotesActions, NotesEditing } from "./notes-editing";
import { NotesHtml } from "./notes-html";

export type { NotesActions, Preview } from "./notes-editing";

/**
 * The release's notes: what it brings, for the people who wait for it. Release managers write them
 * with a live preview (or the pipeline pushes the commits) and publish them; they are published at
 * go-live at the latest. Rendered on the server; a release manager's buttons and editor are client code.
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
  const isEmpty = notes.markdown.trim() === "";
  const heading = (
    <div>
      <h2 id="notes-heading" className="flex items-center gap-2 text-base font-semibold text-fg">
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
  );
  const display = isEmpty ? (
    <p className="rounded-lg border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">
      No notes yet.
      {actions &&
        " Write them here, or let the pipeline push the release's commits (PUT /api/releases/{id}/notes)."}
    </p>
  ) : (
    <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
      <NotesHtml html={notes.html} />
    </div>
  );
  return (
    <section aria-labelledby="notes-heading" className="space-y-3">
      {actions && !isCancelled ? (
        <NotesEditing notes={notes} actions={actions} heading={heading} display={display} />
      ) : (
        <>
          {heading}
          {display}
        </>
      )}
    </section>
  );
}

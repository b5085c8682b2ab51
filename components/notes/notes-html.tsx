import { cn } from "@/lib/utils";

/**
 * Release notes as HTML. The server rendered and sanitised it (lib/domain/markdown.ts: no raw HTML,
 * no scripts, event attributes or unsafe links survive), which is what makes inserting it safe.
 */
export function NotesHtml({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={cn("notes-prose", className)}
      data-testid="notes-html"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

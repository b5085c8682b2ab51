import { AlertTriangle } from "lucide-react";
import Link from "next/link";

import { conflictKey, type EnvironmentConflict, explainConflict } from "@/lib/domain/conflicts";

/** Conflicts shown at once; the rest fold away so the list never buries the page. */
const SHOWN = 5;
/** Releases linked under a conflict (a busy environment can hold hundreds at once). */
const LINKED = 12;

function ConflictItem({ conflict }: { conflict: EnvironmentConflict }) {
  return (
    <li data-testid="conflict" className="space-y-1 px-4 py-3 text-sm">
      <p className="text-fg">{explainConflict(conflict)}</p>
      <p className="flex flex-wrap gap-x-3 text-xs">
        {conflict.releases.slice(0, LINKED).map((release) => (
          <Link
            key={release.id}
            href={`/releases/${release.id}`}
            className="font-medium text-accent hover:underline"
          >
            {release.name}
          </Link>
        ))}
        {conflict.releases.length > LINKED && (
          <span className="text-muted">and {conflict.releases.length - LINKED} more</span>
        )}
        <span className="text-muted">
          A conflict is a warning: re-plan one of them or raise the capacity under Admin.
        </span>
      </p>
    </li>
  );
}

/** The environment conflicts of a view, each explained in a sentence, with links to the releases. */
export function ConflictList({
  conflicts,
  title = "Environment conflicts",
}: {
  conflicts: EnvironmentConflict[];
  title?: string;
}) {
  if (conflicts.length === 0) return null;
  return (
    <section
      aria-labelledby="conflicts-title"
      className="rounded-lg border border-danger/30 bg-surface shadow-xs"
    >
      <h2
        id="conflicts-title"
        className="flex items-center gap-2 border-b border-danger/20 bg-danger-soft/60 px-4 py-2.5 text-sm font-semibold text-danger"
      >
        <AlertTriangle aria-hidden className="size-4" />
        {title} ({conflicts.length})
      </h2>
      <ul className="divide-y divide-border">
        {conflicts.slice(0, SHOWN).map((conflict) => (
          <ConflictItem key={conflictKey(conflict)} conflict={conflict} />
        ))}
      </ul>
      {conflicts.length > SHOWN && (
        <details className="group border-t border-border">
          <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-accent hover:underline">
            <span className="group-open:hidden">Show {conflicts.length - SHOWN} more</span>
            <span className="hidden group-open:inline">Show fewer</span>
          </summary>
          <ul className="divide-y divide-border border-t border-border">
            {conflicts.slice(SHOWN).map((conflict) => (
              <ConflictItem key={conflictKey(conflict)} conflict={conflict} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

import { Plus } from "lucide-react";
import Link from "next/link";

import { formatDisplayDate } from "@/lib/domain/dates";
import type { ReleaseDetail } from "@/lib/types/release";

import { Badge } from "../ui/badge";
import { ButtonLink } from "../ui/button-link";

import { ReleaseStatusBadge } from "./release-status-badge";

/** The patches of a release, by go-live, and (for those who may) a way to plan a new one. */
export function ReleasePatches({
  release,
  canAddPatch,
}: {
  release: ReleaseDetail;
  canAddPatch: boolean;
}) {
  return (
    <section aria-labelledby="patches-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="patches-heading" className="text-base font-semibold text-fg">
          Patches <span className="font-normal text-muted">({release.patches.length})</span>
        </h2>
        {canAddPatch && (
          <ButtonLink variant="secondary" size="sm" href={`/releases/new?parent=${release.id}`}>
            <Plus aria-hidden />
            New patch
          </ButtonLink>
        )}
      </div>
      {release.patches.length === 0 ? (
        <p className="text-sm text-muted">No patches for this release.</p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {release.patches.map((patch) => (
            <li key={patch.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <Link
                href={`/releases/${patch.id}`}
                className="font-medium text-accent hover:underline"
              >
                {patch.name}
              </Link>
              <span className="font-mono text-xs text-muted">{patch.version}</span>
              <ReleaseStatusBadge status={patch.status} />
              {patch.atRisk && <Badge tone="warning">At risk</Badge>}
              <span className="ml-auto text-muted tabular">
                go-live {formatDisplayDate(patch.forecastGoLive)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

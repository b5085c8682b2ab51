import { CornerDownRight } from "lucide-react";
import Link from "next/link";

import { formatDisplayDate } from "@/lib/domain/dates";
import { describeWorkingDayDistance } from "@/lib/domain/relative";
import { isCancelled, isClosed } from "@/lib/domain/release-status";
import { STAGE_NAMES } from "@/lib/domain/stages";
import type { ReleaseDto } from "@/lib/types/release";
import type { ReleaseSort } from "@/lib/validation/view-filters";

import { Badge } from "../ui/badge";
import { SortHeaderLink } from "../ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

import { ReleaseStatusBadge, AtRiskBadge } from "./release-status-badge";
import { ReleaseTypeLabel } from "./release-type-badge";
import { StageChip } from "./stage-chip";
import { StageStrip } from "./stage-strip";

function GoLiveCell({ release, distance }: { release: ReleaseDto; distance: number }) {
  const isDone = isClosed(release.status);
  return (
    <div className="leading-tight tabular">
      <p className="font-medium whitespace-nowrap text-fg">
        {formatDisplayDate(release.forecastGoLive)}
      </p>
      {!isDone && (
        <p className="mt-0.5 text-xs text-muted">{describeWorkingDayDistance(distance)}</p>
      )}
      {release.forecastGoLive !== release.baselineGoLive && (
        <p className="mt-0.5 text-xs whitespace-nowrap text-subtle">
          baseline <s>{formatDisplayDate(release.baselineGoLive)}</s>
        </p>
      )}
    </div>
  );
}

function CurrentStageCell({ release }: { release: ReleaseDto }) {
  const stage = release.stages.find((s) => s.key === release.currentStage);
  if (!stage) return <span className="text-subtle">—</span>;
  return (
    <div className="flex items-center gap-2 whitespace-nowrap">
      <StageChip stageKey={stage.key} status={stage.status} />
      <span className="text-sm text-fg">{STAGE_NAMES[stage.key]}</span>
    </div>
  );
}

type Sorting = { current: ReleaseSort; hrefFor: (sort: ReleaseSort) => string };

/** A header the server sorts by: ascending first, a second click descending. */
function SortableHead({
  label,
  column,
  sorting,
}: {
  label: string;
  column: "name" | "goLive";
  sorting: Sorting | undefined;
}) {
  if (!sorting) return <TableHead>{label}</TableHead>;
  const direction =
    sorting.current === column
      ? "ascending"
      : sorting.current === `-${column}`
        ? "descending"
        : undefined;
  const next: ReleaseSort = direction === "ascending" ? `-${column}` : column;
  return (
    <TableHead aria-sort={direction}>
      <SortHeaderLink label={label} direction={direction} href={sorting.hrefFor(next)} />
    </TableHead>
  );
}

export function ReleasesTable({
  releases,
  workingDaysToGoLive,
  sorting,
}: {
  releases: ReleaseDto[];
  /** Per release id: working days from today to its forecast go-live (in its own region). */
  workingDaysToGoLive: Record<string, number>;
  /** When the list is sorted by the server: the order now and the address of another. */
  sorting?: Sorting;
}) {
  return (
    <Table>
      <TableHeader>
        <tr>
          <SortableHead label="Release" column="name" sorting={sorting} />
          <TableHead>Product</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Current stage</TableHead>
          <SortableHead label="Go-live" column="goLive" sorting={sorting} />
          <TableHead>Stages</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {releases.map((release) => (
          <TableRow key={release.id} data-testid="release-row">
            <TableCell className="max-w-80">
              <Link
                href={`/releases/${release.id}`}
                className="block truncate font-medium text-fg hover:text-accent hover:underline"
              >
                {release.name}
              </Link>
              <p className="mt-0.5 truncate font-mono text-xs text-muted">{release.version}</p>
              {release.parent && (
                <p className="mt-0.5 flex items-center gap-1 truncate text-xs text-subtle">
                  <CornerDownRight aria-hidden className="size-3" />
                  Patch of {release.parent.name}
                </p>
              )}
            </TableCell>
            <TableCell className="max-w-48 truncate text-sm text-fg">
              <Link
                href={`/releases?product=${release.product.key}`}
                className="hover:text-accent hover:underline"
              >
                {release.product.name}
              </Link>
            </TableCell>
            <TableCell>
              <ReleaseTypeLabel type={release.type} />
            </TableCell>
            <TableCell>
              <div className="flex flex-col items-start gap-1">
                <ReleaseStatusBadge status={release.status} />
                {release.atRisk && (
                  <AtRiskBadge
                    slipWorkingDays={release.slipWorkingDays}
                    overdueStage={release.overdueStage}
                  />
                )}
                {release.stages.some((s) => s.status === "REJECTED") &&
                  !isCancelled(release.status) && <Badge tone="danger">Stage rejected</Badge>}
              </div>
            </TableCell>
            <TableCell>
              <CurrentStageCell release={release} />
            </TableCell>
            <TableCell>
              <GoLiveCell release={release} distance={workingDaysToGoLive[release.id] ?? 0} />
            </TableCell>
            <TableCell>
              <StageStrip stages={release.stages} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

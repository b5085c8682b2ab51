import { Check, X } from "lucide-react";
import Link from "next/link";

import { OUTCOME_NAMES } from "@/lib/domain/after-go-live";
import { formatDisplayDate } from "@/lib/domain/dates";
import type { DeliveredRelease } from "@/lib/domain/delivery-report";

import { ReleaseTypeLabel } from "../releases/release-type-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

import { formatWorkingDays } from "./report-charts";

/** The releases that went live in the period: baseline, when they went live, slip, lead time. */
export function DeliveredTable({ delivered }: { delivered: DeliveredRelease[] }) {
  return (
    <Table>
      <caption className="sr-only">
        Releases that went live, with their baseline, slip and lead time
      </caption>
      <TableHeader>
        <TableRow>
          <TableHead>Release</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>Baseline go-live</TableHead>
          <TableHead>First plan</TableHead>
          <TableHead>Went live</TableHead>
          <TableHead align="right">Slip</TableHead>
          <TableHead align="right">Lead time</TableHead>
          <TableHead>On time</TableHead>
          <TableHead>After go-live</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {delivered.map((release) => (
          <TableRow key={release.id} data-testid="delivered-row">
            <TableCell>
              <Link
                href={`/releases/${release.id}`}
                className="font-medium text-fg hover:text-accent hover:underline"
              >
                {release.name}
              </Link>
              <span className="block font-mono text-xs text-muted">{release.version}</span>
            </TableCell>
            <TableCell>
              <ReleaseTypeLabel type={release.type} />
            </TableCell>
            <TableCell className="tabular">{formatDisplayDate(release.baselineGoLive)}</TableCell>
            <TableCell className="text-muted tabular">
              {release.originalGoLive === release.baselineGoLive
                ? "same"
                : formatDisplayDate(release.originalGoLive)}
            </TableCell>
            <TableCell className="tabular">{formatDisplayDate(release.liveOn)}</TableCell>
            <TableCell className="text-right tabular">
              {formatWorkingDays(release.slipWorkingDays, 0)} wd
            </TableCell>
            <TableCell className="text-right tabular">{release.leadTimeWorkingDays} wd</TableCell>
            <TableCell>
              {release.isOnTime ? (
                <span className="inline-flex items-center gap-1 text-sm text-success">
                  <Check aria-hidden className="size-4" /> On time
                  {!release.isOnTimeToOriginal && (
                    <span className="text-xs text-muted">(late to the first plan)</span>
                  )}
                </span>
              ) : (
                <span className="inline-flex items-center gap-1 text-sm text-danger">
                  <X aria-hidden className="size-4" /> Late
                </span>
              )}
            </TableCell>
            <TableCell className="text-sm">
              {release.outcome ? (
                <span
                  className={
                    release.outcome === "KEPT"
                      ? "text-success"
                      : release.outcome === "ROLLED_BACK"
                        ? "text-danger"
                        : "text-warning"
                  }
                >
                  {OUTCOME_NAMES[release.outcome]}
                </span>
              ) : (
                <span className="text-muted">Not recorded</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

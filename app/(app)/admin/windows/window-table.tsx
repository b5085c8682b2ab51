"use client";

import { Pencil } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { removeWindowAction } from "@/lib/server/actions/windows";
import type { OccurrenceDto, WindowDto } from "@/lib/types/windows";

import { AdminTable, EmptyTable, RemoveRowButton } from "../admin-table";

const WEEKDAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** "Fri 11 Dec 14:00 → Mon 14 Dec 08:00", in company time. */
function describeOccurrence(found: OccurrenceDto): string {
  const part = (local: string) =>
    `${WEEKDAY.format(new Date(`${local.slice(0, 10)}T00:00:00Z`))} ${local.slice(11)}`;
  return `${part(found.startLocal)} → ${part(found.endLocal)}`;
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 && `${hours} h`, rest > 0 && `${rest} min`].filter(Boolean).join(" ");
}

export function WindowTable({ windows }: { windows: WindowDto[] }) {
  if (windows.length === 0) {
    return (
      <EmptyTable>
        No deployment windows yet: deployments may happen at any time the stages allow. Add one with
        the form.
      </EmptyTable>
    );
  }
  return (
    <AdminTable columns={["Window", "When", "Next"]}>
      {windows.map((window) => (
        <tr key={window.id} data-testid="window-row" className="align-top">
          <td className="px-4 py-3">
            <p className="flex items-center gap-2 font-medium text-fg">
              {window.name}
              <Badge tone={window.kind === "DENY" ? "danger" : "success"}>
                {window.kind === "DENY" ? "Deny" : "Allow"}
              </Badge>
            </p>
            <p className="mt-0.5 text-xs text-muted">
              {window.environments.join(", ")}
              {window.products.length > 0 ? ` · ${window.products.join(", ")}` : " · every product"}
            </p>
          </td>
          <td className="px-4 py-3 text-fg">
            <p>
              {window.description}, {window.startTime} for {duration(window.durationMinutes)}
            </p>
            <p className="font-mono text-[11px] text-muted">{window.rule}</p>
          </td>
          <td className="px-4 py-3 text-fg tabular">
            <ul className="space-y-0.5" aria-label={`Next occurrences of ${window.name}`}>
              {window.next.slice(0, 3).map((found) => (
                <li key={found.start} data-testid="window-occurrence">
                  {describeOccurrence(found)}
                </li>
              ))}
              {window.next.length === 0 && <li className="text-muted">No more occurrences</li>}
            </ul>
          </td>
          <td className="px-4 py-2 text-right whitespace-nowrap">
            <ButtonLink
              variant="ghost"
              size="sm"
              href={`/admin/windows?edit=${window.id}`}
              aria-label={`Edit ${window.name}`}
            >
              <Pencil aria-hidden />
            </ButtonLink>
            <RemoveRowButton
              id={window.id}
              name={window.name}
              description="The gate stops asking it at once, and the exports no longer carry it."
              remove={removeWindowAction}
            />
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

"use client";

import { Pencil, Repeat } from "lucide-react";

import { ButtonLink } from "@/components/ui/button-link";
import { formatDisplayDate, formatShortDate } from "@/lib/domain/dates";
import type { CalendarPeriodKind, CompanyPeriod } from "@/lib/domain/settings";
import { removeCalendarPeriod } from "@/lib/server/actions/settings";

import { AdminTable, EmptyTable, RemoveRowButton } from "../admin-table";

function describeDates(period: CompanyPeriod): string {
  if (period.recurrence === "YEARLY")
    return `Every year, ${formatShortDate(period.start)} – ${formatShortDate(period.end)}`;
  if (period.start === period.end) return formatDisplayDate(period.start);
  return `${formatDisplayDate(period.start)} – ${formatDisplayDate(period.end)}`;
}

export function PeriodTable({
  periods,
  kind,
}: {
  periods: CompanyPeriod[];
  kind: CalendarPeriodKind;
}) {
  if (periods.length === 0) {
    return (
      <EmptyTable>
        {kind === "FREEZE" ? "No freeze windows yet." : "No non-working periods yet."} Add one with
        the form.
      </EmptyTable>
    );
  }
  return (
    <AdminTable columns={["Name", "Days", "Region"]}>
      {periods.map((period) => (
        <tr key={period.id} data-testid="period-row">
          <td className="px-4 py-3 font-medium text-fg">{period.name}</td>
          <td className="px-4 py-3 text-fg tabular">
            <span className="inline-flex items-center gap-1.5">
              {period.recurrence === "YEARLY" && (
                <Repeat aria-label="Yearly" className="size-3.5 text-muted" />
              )}
              {describeDates(period)}
            </span>
          </td>
          <td className="px-4 py-3 text-muted">{period.region ?? "All regions"}</td>
          <td className="px-4 py-2 text-right whitespace-nowrap">
            <ButtonLink
              variant="ghost"
              size="sm"
              href={`/admin/calendar?edit=${period.id}`}
              aria-label={`Edit ${period.name}`}
            >
              <Pencil aria-hidden />
            </ButtonLink>
            <RemoveRowButton
              id={period.id}
              name={period.name}
              description="New plans and re-plans will no longer take it into account. Existing plans are not changed."
              remove={removeCalendarPeriod}
            />
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

"use client";

import { Pencil, Repeat, Trash2 } from "lucide-react";
import Link from "next/link";
import { useActionState, useRef } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { IDLE } from "@/lib/action-state";
import { formatDisplayDate, formatShortDate } from "@/lib/domain/dates";
import type { CalendarPeriodKind, CompanyPeriod } from "@/lib/domain/settings";
import { removeCalendarPeriod } from "@/lib/server/actions/settings";

function describeDates(period: CompanyPeriod): string {
  if (period.recurrence === "YEARLY")
    return `Every year, ${formatShortDate(period.start)} – ${formatShortDate(period.end)}`;
  if (period.start === period.end) return formatDisplayDate(period.start);
  return `${formatDisplayDate(period.start)} – ${formatDisplayDate(period.end)}`;
}

function DeletePeriod({ period }: { period: CompanyPeriod }) {
  const [state, action, isPending] = useActionState(removeCalendarPeriod, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="inline">
      <input type="hidden" name="id" value={period.id} />
      <ConfirmDialog
        title={`Remove '${period.name}'?`}
        description="New plans and re-plans will no longer take it into account. Existing plans are not changed."
        confirmLabel="Remove"
        tone="danger"
        onConfirm={() => formRef.current?.requestSubmit()}
        trigger={
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={isPending}
            aria-label={`Remove ${period.name}`}
          >
            <Trash2 aria-hidden />
          </Button>
        }
      />
      <FormStatus state={state} />
    </form>
  );
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
      <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
        {kind === "FREEZE" ? "No freeze windows yet." : "No non-working periods yet."} Add one with
        the form.
      </p>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
      <table className="w-full text-sm">
        <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-semibold tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              Name
            </th>
            <th scope="col" className="px-4 py-2.5">
              Days
            </th>
            <th scope="col" className="px-4 py-2.5">
              Region
            </th>
            <th scope="col" className="px-4 py-2.5 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
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
                <Button asChild variant="ghost" size="sm">
                  <Link
                    href={`/admin/calendar?edit=${period.id}`}
                    aria-label={`Edit ${period.name}`}
                  >
                    <Pencil aria-hidden />
                  </Link>
                </Button>
                <DeletePeriod period={period} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

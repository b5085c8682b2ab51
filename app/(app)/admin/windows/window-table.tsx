"use client";

import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useActionState, useRef } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { IDLE } from "@/lib/action-state";
import { removeWindowAction } from "@/lib/server/actions/windows";
import type { OccurrenceDto, WindowDto } from "@/lib/types/windows";

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

function DeleteWindow({ window }: { window: WindowDto }) {
  const [state, action, isPending] = useActionState(removeWindowAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="inline">
      <input type="hidden" name="id" value={window.id} />
      <ConfirmDialog
        title={`Remove '${window.name}'?`}
        description="The gate stops asking it at once, and the exports no longer carry it."
        confirmLabel="Remove"
        tone="danger"
        onConfirm={() => formRef.current?.requestSubmit()}
        trigger={
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={isPending}
            aria-label={`Remove ${window.name}`}
          >
            <Trash2 aria-hidden />
          </Button>
        }
      />
      <FormStatus state={state} />
    </form>
  );
}

export function WindowTable({ windows }: { windows: WindowDto[] }) {
  if (windows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
        No deployment windows yet: deployments may happen at any time the stages allow. Add one with
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
              Window
            </th>
            <th scope="col" className="px-4 py-2.5">
              When
            </th>
            <th scope="col" className="px-4 py-2.5">
              Next
            </th>
            <th scope="col" className="px-4 py-2.5 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
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
                  {window.products.length > 0
                    ? ` · ${window.products.join(", ")}`
                    : " · every product"}
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
                <Button asChild variant="ghost" size="sm">
                  <Link
                    href={`/admin/windows?edit=${window.id}`}
                    aria-label={`Edit ${window.name}`}
                  >
                    <Pencil aria-hidden />
                  </Link>
                </Button>
                <DeleteWindow window={window} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

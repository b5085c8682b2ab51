"use client";

import { Trash2 } from "lucide-react";
import { useActionState, useRef } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { type ActionState, IDLE } from "@/lib/action-state";

/** A settings table of the admin pages: a header row of column names, the last one for actions. */
export function AdminTable({
  columns,
  children,
}: {
  columns: string[];
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
      <table className="w-full text-sm">
        <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-semibold tracking-wide text-muted uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2.5">
                {column}
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

/** What an empty settings table says instead. */
export function EmptyTable({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
      {children}
    </p>
  );
}

/** The bin button of a row: asks first, then submits the row's id to `remove`. */
export function RemoveRowButton({
  id,
  name,
  description,
  remove,
}: {
  id: string;
  name: string;
  description: string;
  remove: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, isPending] = useActionState(remove, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <ConfirmDialog
        title={`Remove '${name}'?`}
        description={description}
        confirmLabel="Remove"
        tone="danger"
        onConfirm={() => formRef.current?.requestSubmit()}
        trigger={
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={isPending}
            aria-label={`Remove ${name}`}
          >
            <Trash2 aria-hidden />
          </Button>
        }
      />
      <FormStatus state={state} />
    </form>
  );
}

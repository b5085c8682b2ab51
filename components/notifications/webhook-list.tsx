"use client";

import { AlertCircle, Send, Trash2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { DeliveryDto, WebhookDto } from "@/lib/types/notifications";

import { AlertBox } from "../ui/alert-box";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionRunner } from "../ui/use-action-runner";

import { DeliveryTable } from "./delivery-table";

type Command = (raw: { id: string }) => Promise<ActionState>;

/** The webhooks in use: where they post, which events, how the last week went, and their log. */
export function WebhookList({
  webhooks,
  deliveries,
  remove,
  test,
}: {
  webhooks: WebhookDto[];
  deliveries: Record<string, DeliveryDto[]>;
  remove: Command;
  test: Command;
}) {
  const runner = useActionRunner();
  if (webhooks.length === 0) {
    return <p className="text-sm text-muted">No webhooks yet.</p>;
  }
  return (
    <ul className="space-y-4">
      {runner.problem && (
        <AlertBox tone="danger" icon={AlertCircle} role="alert">
          {runner.problem.message}
        </AlertBox>
      )}
      {webhooks.map((hook) => (
        <li
          key={hook.id}
          data-testid="webhook"
          className="space-y-3 rounded-lg border border-border bg-surface p-4"
        >
          <div className="flex flex-wrap items-start gap-3">
            <div className="min-w-0 flex-1">
              <p className="truncate font-mono text-sm text-fg">{hook.url}</p>
              {hook.description && <p className="text-sm text-muted">{hook.description}</p>}
              <p className="mt-1 flex flex-wrap gap-1">
                {hook.events.map((event) => (
                  <Badge key={event} tone="outline">
                    {event}
                  </Badge>
                ))}
              </p>
              <p className="mt-1 text-xs text-muted">
                Last 7 days: {hook.recent.delivered} delivered · {hook.recent.pending} retrying ·{" "}
                {hook.recent.failed} failed · added by {hook.createdBy.name}
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              disabled={runner.isPending}
              onClick={() => runner.run(() => test({ id: hook.id }))}
            >
              <Send aria-hidden />
              Send test event
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  <Trash2 aria-hidden />
                  Remove
                </Button>
              }
              title="Remove this webhook?"
              description={`Nothing more is sent to ${hook.url}. Its delivery log stays.`}
              confirmLabel="Remove webhook"
              tone="danger"
              onConfirm={() => runner.run(() => remove({ id: hook.id }))}
            />
          </div>
          {(deliveries[hook.id]?.length ?? 0) > 0 && (
            <DeliveryTable
              deliveries={deliveries[hook.id]!.slice(0, 10)}
              label={`Deliveries to ${hook.url}`}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
